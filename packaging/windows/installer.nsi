; SalonDesk's Windows installer (NSIS 3, Modern UI 2, Japanese). Built by
; scripts/dist-windows.sh, which passes:
;   -DVERSION=X.Y.Z -DVERSION4=X.Y.Z.B -DEXE=path\SalonDesk.exe -DNOTICE=path\NOTICE.txt
;   -DICON=path\icon.ico -DOUTFILE=path\SalonDesk-Setup-X.Y.Z.exe
;
; Per user, no administrator rights: the app goes to %LOCALAPPDATA%\Programs\SalonDesk
; and is registered under HKCU. The salon's data is not in that folder but in
; %APPDATA%\SalonDesk (main.go's dataDir: os.UserConfigDir()\SalonDesk), which
; neither an upgrade nor the uninstaller touches unless the person asks for it.
;
; Command line (for support and the wine check in scripts/dist-check.sh):
;   SalonDesk-Setup-X.Y.Z.exe /S [/NOAUTOSTART] [/NODESKTOP] [/D=dir]
;   uninstall.exe /S [/REMOVEDATA]

Unicode true
; 64-bit stub: the app is 64-bit only, and Debian's wine64 can run it (dist-check).
Target amd64-unicode
ManifestDPIAware true
!include MUI2.nsh
!include LogicLib.nsh
!include WordFunc.nsh
!include FileFunc.nsh

!define APP "SalonDesk"
!define APP_EXE "SalonDesk.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\SalonDesk"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
; The app's data (main.go dataDir) and Fyne's preferences (ui.AppID).
!define DATA_DIR "$APPDATA\SalonDesk"
!define PREFS_DIR "$APPDATA\fyne\jp.salondesk.desk"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel user
SetCompressor /SOLID lzma
BrandingText "${APP} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "SalonDesk を開く"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_COMPONENTSPAGE_TEXT_TOP "サロンのデータ（予約・お客様・バックアップ）は ${DATA_DIR} にあり、チェックを入れない限り残ります。新しいパソコンへ移すときは、先に「設定 → バックアップ」で今すぐバックアップしてください。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Japanese"

; The installer's own file properties.
VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileDescription" "${APP} ${VERSION} セットアップ"
VIAddVersionKey /LANG=${LANG_JAPANESE} "CompanyName" "${APP}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "LegalCopyright" "${APP}"

; A running SalonDesk holds its exe open: ask the person to quit it (the tray menu's
; 終了 when the window is hidden). GLFW's window class is GLFW30; the title is the
; app's (ui.title / ui.title.demo). Silent runs give up with exit code 4.
!macro WAIT_FOR_APP_CLOSED un
Function ${un}WaitForAppClosed
  retry:
    FindWindow $0 "GLFW30" "SalonDesk"
    ${If} $0 == 0
      FindWindow $0 "GLFW30" "SalonDesk（デモ）"
    ${EndIf}
    ${If} $0 != 0
      MessageBox MB_ICONEXCLAMATION|MB_RETRYCANCEL "SalonDesk が起動しています。$\r$\nタスクトレイの SalonDesk アイコンのメニューから「終了」を選んでから、「再試行」を押してください。" /SD IDCANCEL IDRETRY retry
      SetErrorLevel 4
      Quit
    ${EndIf}
FunctionEnd
!macroend
!insertmacro WAIT_FOR_APP_CLOSED ""
!insertmacro WAIT_FOR_APP_CLOSED "un."

Section "SalonDesk（必須）" SecApp
  SectionIn RO
  Call WaitForAppClosed
  SetOutPath "$INSTDIR"
  File "/oname=${APP_EXE}" "${EXE}"
  File "/oname=NOTICE.txt" "${NOTICE}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${APP_EXE}"
  ; The optional sections below put these back if they are still chosen.
  Delete "$DESKTOP\${APP}.lnk"
  DeleteRegValue HKCU "${RUN_KEY}" "${APP}"

  ; 「アプリと機能」 (Settings → Apps) reads this key.
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "デスクトップにショートカットを作る" SecDesktop
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${APP_EXE}"
SectionEnd

; The app has no start-hidden option: it opens its window as at any start, and
; closing the window keeps it in the tray (gui.go installTray).
Section "Windows の起動時に SalonDesk を開く" SecAutostart
  WriteRegStr HKCU "${RUN_KEY}" "${APP}" '"$INSTDIR\${APP_EXE}"'
SectionEnd

Function .onInit
  ; Refuse a downgrade: a newer app may already have upgraded the database.
  ReadRegStr $0 HKCU "${UNINST_KEY}" "DisplayVersion"
  ${If} $0 != ""
    ${VersionCompare} "$0" "${VERSION}" $1 ; 1: the installed one is newer
    ${If} $1 == 1
      MessageBox MB_ICONSTOP|MB_OK "新しいバージョンの SalonDesk（$0）がすでにインストールされています。$\r$\nこのインストーラー（${VERSION}）で古いバージョンに戻すことはできません。$\r$\n$\r$\nデータはそのまま残っています。SalonDesk $0 をそのままお使いください。" /SD IDOK
      SetErrorLevel 3
      Quit
    ${EndIf}
    ; An upgrade keeps what the person chose last time.
    ReadRegStr $1 HKCU "${RUN_KEY}" "${APP}"
    ${If} $1 == ""
      !insertmacro UnselectSection ${SecAutostart}
    ${EndIf}
    ${IfNot} ${FileExists} "$DESKTOP\${APP}.lnk"
      !insertmacro UnselectSection ${SecDesktop}
    ${EndIf}
  ${EndIf}
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/NOAUTOSTART" $1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecAutostart}
  ${EndIf}
  ClearErrors
  ${GetOptions} $0 "/NODESKTOP" $1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
FunctionEnd

Section "un.SalonDesk（アプリ本体・ショートカット）" UnSecApp
  SectionIn RO
  Call un.WaitForAppClosed
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\NOTICE.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  DeleteRegValue HKCU "${RUN_KEY}" "${APP}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DetailPrint "サロンのデータは残しました: ${DATA_DIR}"
SectionEnd

; Off unless ticked (or /REMOVEDATA): the salon's database, its backups and logs,
; and the app's preferences. Passwords in Windows' Credential Manager stay (see README).
Section /o "un.サロンのデータとバックアップも削除する" UnSecData
  RMDir /r "${DATA_DIR}"
  RMDir /r "${PREFS_DIR}"
  DetailPrint "サロンのデータを削除しました: ${DATA_DIR}"
SectionEnd

Function un.onInit
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/REMOVEDATA" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UnSecData}
  ${EndIf}
FunctionEnd
