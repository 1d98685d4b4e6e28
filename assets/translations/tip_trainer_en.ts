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
        <source>%1: %n problem(s). Select one to see the lines concerned.</source>
        <translation>
            <numerusform>%1: %n problem. Select one to see the lines concerned.</numerusform>
            <numerusform>%1: %n problems. Select one to see the lines concerned.</numerusform>
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
    <name>ModulesScreen</name>
    <message numerus="yes">
        <source>%n questions, %1 min</source>
        <translation>
            <numerusform>%n question, %1 min</numerusform>
            <numerusform>%n questions, %1 min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n questions</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
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
</TS>
