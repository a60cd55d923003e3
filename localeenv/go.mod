module desk.local/localeenv

go 1.26
