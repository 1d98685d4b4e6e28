; Inno Setup 6 script: the Windows installer of TiP Trainer.
; Built by packaging\windows\build.ps1, which passes:
;   /DAppVersion=0.1.0  /DSourceDir=<dist\tip-trainer>  /DIconFile=<tip-trainer.ico>
; Per-user install without administrator rights, Start-menu shortcut, and an uninstaller
; that removes the program but keeps the data folder (%LOCALAPPDATA%\TiP Trainer).

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (packaging\windows\build.ps1 does)
#endif
#ifndef SourceDir
  #error Pass /DSourceDir=path\to\dist\tip-trainer (packaging\windows\build.ps1 does)
#endif
#ifndef IconFile
  #error Pass /DIconFile=path\to\tip-trainer.ico (packaging\windows\build.ps1 does)
#endif

[Setup]
; The AppId identifies the program across versions: never change it, or upgrades
; install beside the old version instead of replacing it.
AppId={{6F0B7C52-3E4A-4C1B-9B7E-5D2A8E41C0F3}
AppName=TiP Trainer
AppVersion={#AppVersion}
AppVerName=TiP Trainer {#AppVersion}
AppPublisher=TiP Trainer maintainers
VersionInfoVersion={#AppVersion}
; No administrator rights: installs for the current user only, in
; %LOCALAPPDATA%\Programs\TiP Trainer.
PrivilegesRequired=lowest
DefaultDirName={autopf}\TiP Trainer
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=tip-trainer-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\tip-trainer.exe
UninstallDisplayName=TiP Trainer
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; the program must be closed to be replaced or removed
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
en.DataKept=Your records were kept in %1.%n%nDelete that folder yourself only if this workstation's results, certificates register and signing key are no longer needed (make a backup first).
fr.DataKept=Vos données ont été conservées dans %1.%n%nNe supprimez ce dossier vous-même que si les résultats, le registre des certificats et la clé de signature de ce poste ne sont plus nécessaires (faites d'abord une sauvegarde).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an upgrade replaces the program's files whole: nothing of the old version stays behind
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\TiP Trainer"; Filename: "{app}\tip-trainer.exe"; Comment: "Offline anti-trafficking training"
Name: "{autodesktop}\TiP Trainer"; Filename: "{app}\tip-trainer.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\tip-trainer.exe"; Description: "{cm:LaunchProgram,TiP Trainer}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folder: the uninstaller removes only what it installed
; in {app}. The data folder (database, backups, signing key, logs) is
; %LOCALAPPDATA%\TiP Trainer, outside {app}, and is kept.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\TiP Trainer');
    if DirExists(DataDir) and not UninstallSilent then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
