package app

// SettingsChanged: the settings of a section changed ("salonboard", "smaregi",
// "general", "salon"); the sync workers reload theirs, screens that show them refresh.
type SettingsChanged struct{ Section string }

func (SettingsChanged) isEvent() {}
