<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditScreen</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries were written to %1.</source>
        <translation>
            <numerusform>%n entry was written to %1.</numerusform>
            <numerusform>%n entries were written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BankLibraryScreen</name>
    <message numerus="yes">
        <source>Failed: %n problem(s)</source>
        <translation>
            <numerusform>Failed: %n problem</numerusform>
            <numerusform>Failed: %n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s); the first %2 are listed. Select one to see the lines concerned.</source>
        <translation>
            <numerusform>%1: %n problem; the first %2 are listed. Select one to see the lines concerned.</numerusform>
            <numerusform>%1: %n problems; the first %2 are listed. Select one to see the lines concerned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s). Select one to see the lines concerned.</source>
        <translation>
            <numerusform>%1: %n problem. Select one to see the lines concerned.</numerusform>
            <numerusform>%1: %n problems. Select one to see the lines concerned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more problem(s), not listed: fix these and check again</source>
        <translation>
            <numerusform>... and %n more problem, not listed: fix these and check again</numerusform>
            <numerusform>... and %n more problems, not listed: fix these and check again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BankReviewWidget</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s)</source>
        <translation>
            <numerusform>%n notice</numerusform>
            <numerusform>%n notices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n waived.</source>
        <translation>
            <numerusform>%1: %2, %n waived.</numerusform>
            <numerusform>%1: %2, %n waived.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BundlesScreen</name>
    <message numerus="yes">
        <source>%n finished attempts have not been sent yet.</source>
        <translation>
            <numerusform>%n finished attempt has not been sent yet.</numerusform>
            <numerusform>%n finished attempts have not been sent yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificatesScreen</name>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n certificate</numerusform>
            <numerusform>%n certificates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new revocation(s) recorded.</source>
        <translation>
            <numerusform>%n new revocation recorded.</numerusform>
            <numerusform>%n new revocations recorded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) written.</source>
        <translation>
            <numerusform>%n certificate written.</numerusform>
            <numerusform>%n certificates written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) were issued at another workstation and came with its results; that workstation prints them: %1</source>
        <translation>
            <numerusform>%n certificate was issued at another workstation and came with its results; that workstation prints it: %1</numerusform>
            <numerusform>%n certificates were issued at another workstation and came with its results; that workstation prints them: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorTexts</name>
    <message numerus="yes">
        <source>Module “%1” asks for %n question(s), but only %2 are available.</source>
        <translation>
            <numerusform>Module “%1” asks for %n question, but only %2 are available.</numerusform>
            <numerusform>Module “%1” asks for %n questions, but only %2 are available.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong passwords. Try again in %n second.</numerusform>
            <numerusform>Too many wrong passwords. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An account name may be at most %n character(s).</source>
        <translation>
            <numerusform>An account name may be at most %n character.</numerusform>
            <numerusform>An account name may be at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A password needs at least %n character(s).</source>
        <translation>
            <numerusform>A password needs at least %n character.</numerusform>
            <numerusform>A password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A password may be at most %n character(s).</source>
        <translation>
            <numerusform>A password may be at most %n character.</numerusform>
            <numerusform>A password may be at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExamStartScreen</name>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormatsScreen</name>
    <message numerus="yes">
        <source>%n question(s) converted, %1 left out, %2 changed, %3 to complete.</source>
        <translation>
            <numerusform>%n question converted, %1 left out, %2 changed, %3 to complete.</numerusform>
            <numerusform>%n questions converted, %1 left out, %2 changed, %3 to complete.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeldRecordsDialog</name>
    <message numerus="yes">
        <source>%n record(s) held back by the central database</source>
        <translation>
            <numerusform>%n record held back by the central database</numerusform>
            <numerusform>%n records held back by the central database</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModulesScreen</name>
    <message numerus="yes">
        <source>exam: %n questions, %1 min</source>
        <translation>
            <numerusform>exam: %n question, %1 min</numerusform>
            <numerusform>exam: %n questions, %1 min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>exam: %n questions</source>
        <translation>
            <numerusform>exam: %n question</numerusform>
            <numerusform>exam: %n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworkScreen</name>
    <message numerus="yes">
        <source>%n record(s) held back by the central database</source>
        <translation>
            <numerusform>%n record held back by the central database</numerusform>
            <numerusform>%n records held back by the central database</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) will be sent with the next sync.</source>
        <translation>
            <numerusform>%n record will be sent with the next sync.</numerusform>
            <numerusform>%n records will be sent with the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammesDialog</name>
    <message numerus="yes">
        <source>%n trainee(s) hold a certificate for this programme.</source>
        <translation>
            <numerusform>%n trainee holds a certificate for this programme.</numerusform>
            <numerusform>%n trainees hold a certificate for this programme.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionCounts</name>
    <message numerus="yes">
        <source>%n row(s) of the list have errors and nothing was imported:</source>
        <translation>
            <numerusform>%n row of the list has errors and nothing was imported:</numerusform>
            <numerusform>%n rows of the list have errors and nothing was imported:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import the %n good row(s) and leave the others out?</source>
        <translation>
            <numerusform>Import the %n good row and leave the others out?</numerusform>
            <numerusform>Import the %n good rows and leave the others out?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pre-test or post-test attempt(s) were taken in it: they are kept, with the participants&apos; attendance and certificates.</source>
        <translation>
            <numerusform>%n pre-test or post-test attempt was taken in it: it is kept, with the participants&apos; attendance and certificates.</numerusform>
            <numerusform>%n pre-test or post-test attempts were taken in it: they are kept, with the participants&apos; attendance and certificates.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionsScreen</name>
    <message numerus="yes">
        <source>Nothing imported: %n row(s) with errors.</source>
        <translation>
            <numerusform>Nothing imported: %n row with errors.</numerusform>
            <numerusform>Nothing imported: %n rows with errors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enrolled</source>
        <translation>
            <numerusform>%n enrolled</numerusform>
            <numerusform>%n enrolled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new profile(s)</source>
        <translation>
            <numerusform>%n new profile</numerusform>
            <numerusform>%n new profiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already known</source>
        <translation>
            <numerusform>%n already known</numerusform>
            <numerusform>%n already known</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) left out</source>
        <translation>
            <numerusform>%n row left out</numerusform>
            <numerusform>%n rows left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attendance of %1 saved: %n present.</source>
        <translation>
            <numerusform>Attendance of %1 saved: %n present.</numerusform>
            <numerusform>Attendance of %1 saved: %n present.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) of attendance issued (participants present for at least %1 % of the planned hours).</source>
        <translation>
            <numerusform>%n certificate of attendance issued (participants present for at least %1 % of the planned hours).</numerusform>
            <numerusform>%n certificates of attendance issued (participants present for at least %1 % of the planned hours).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubmitTexts</name>
    <message numerus="yes">
        <source>Submit %1&apos;s exam now, as it stands? %n question(s) are not answered. Once submitted, answers can no longer be changed.</source>
        <translation>
            <numerusform>Submit %1&apos;s exam now, as it stands? %n question is not answered. Once submitted, answers can no longer be changed.</numerusform>
            <numerusform>Submit %1&apos;s exam now, as it stands? %n questions are not answered. Once submitted, answers can no longer be changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finish %1&apos;s practice session now, as it stands? %n question(s) are not answered.</source>
        <translation>
            <numerusform>Finish %1&apos;s practice session now, as it stands? %n question is not answered.</numerusform>
            <numerusform>Finish %1&apos;s practice session now, as it stands? %n questions are not answered.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n answer(s) waiting</source>
        <translation>
            <numerusform>%n answer waiting</numerusform>
            <numerusform>%n answers waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) held back by the central database</source>
        <translation>
            <numerusform>%n record held back by the central database</numerusform>
            <numerusform>%n records held back by the central database</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n min ago</source>
        <translation>
            <numerusform>Synced %n min ago</numerusform>
            <numerusform>Synced %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n h ago</source>
        <translation>
            <numerusform>Synced %n h ago</numerusform>
            <numerusform>Synced %n h ago</numerusform>
        </translation>
    </message>
</context>
</TS>
