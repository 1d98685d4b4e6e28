<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
