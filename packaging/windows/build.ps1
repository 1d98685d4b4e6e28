<#
.SYNOPSIS
  Build TiP Trainer for Windows: the self-contained program and its installer.

.DESCRIPTION
  One command, from any folder, in PowerShell on a Windows 10/11 x64 machine:

      powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

  Needs Python 3.11 (the "py" launcher from python.org) and Inno Setup 6
  (https://jrsoftware.org/isinfo.php, or: winget install JRSoftware.InnoSetup).
  The first run downloads the pinned packages into build\win-venv; later runs are offline
  as long as that folder is kept.

  Writes dist\tip-trainer\ (the program folder, runs in place) and
  dist\tip-trainer-VERSION-windows-x64-setup.exe (the installer).
#>
[CmdletBinding()]
param(
    # the Python to build with; must be 3.11 (the version the tests run on)
    [string]$PythonVersion = "3.11",
    # build the program folder only, not the installer
    [switch]$NoInstaller
)

$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Checked {
    param([string]$Exe, [Parameter(ValueFromRemainingArguments = $true)][string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $Exe $($Arguments -join ' ')" }
}

$Version = (Select-String -Path "trainer\__init__.py" -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
Write-Host "TiP Trainer $Version"

# 1. A virtualenv with the pinned dependencies and PyInstaller.
$Venv = Join-Path $Root "build\win-venv"
$Python = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $Python)) {
    Invoke-Checked py "-$PythonVersion" -m venv $Venv
}
Invoke-Checked $Python -m pip install --quiet --upgrade pip
Invoke-Checked $Python -m pip install --quiet -c constraints.txt ".[dist]"

# 2. The program folder (same spec as Linux). Qt draws the icon without a window.
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\tip-trainer.spec
Remove-Item Env:\QT_QPA_PLATFORM

# 3. A quick check of the built program, in a throw-away data folder.
$Cli = Join-Path $Root "dist\tip-trainer\tip-trainer-cli.exe"
$Check = Join-Path ([System.IO.Path]::GetTempPath()) ("tip-trainer-check-" + [guid]::NewGuid())
try {
    Invoke-Checked $Cli --version
    $Banks = Get-ChildItem "dist\tip-trainer\_internal\question_banks\*.yaml" | ForEach-Object { $_.FullName }
    Invoke-Checked $Cli validate @Banks
    $env:QT_QPA_PLATFORM = "offscreen"
    Invoke-Checked $Cli --exit-when-ready --data-dir $Check
    Remove-Item Env:\QT_QPA_PLATFORM
} finally {
    if (Test-Path $Check) { Remove-Item -Recurse -Force $Check }
}

if ($NoInstaller) { Write-Host "dist\tip-trainer is ready"; exit 0 }

# 4. The installer.
$Iscc = @(
    (Get-Command iscc.exe -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source),
    "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
    "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if (-not $Iscc) { throw "Inno Setup 6 not found: install it (winget install JRSoftware.InnoSetup) and run again" }

Invoke-Checked $Iscc /Qp "/DAppVersion=$Version" "/DSourceDir=$Root\dist\tip-trainer" `
    "/DIconFile=$Root\build\pyinstaller\tip-trainer\generated\tip-trainer.ico" `
    "/O$Root\dist" packaging\windows\tip-trainer.iss
Write-Host "dist\tip-trainer-$Version-windows-x64-setup.exe is ready"
