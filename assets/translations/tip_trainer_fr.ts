<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>HomeScreen</name>
    <message>
        <source>Welcome to TiP Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training on trafficking in persons for police officers, prosecutors and judges. Choose your profile, or create one if this is your first time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or service number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search trainee profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainee profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue with this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue with the selected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I already have a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service number (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;reate my profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create my profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is my first time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service n&amp;umber (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your full name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TiP Trainer — anti-trafficking training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trainee selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainee: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About TiP Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This module is no longer available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish or leave the quiz before opening staff tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About TiP Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TiP Trainer %1
Offline training on trafficking in persons for police officers, prosecutors and judges.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModulesScreen</name>
    <message>
        <source>Modules for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track: all modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise the selected module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer at your own pace, with feedback after each answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the &amp;exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the exam of the selected module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My attempt history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch trainee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to another trainee profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 questions, %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No module is available for your track yet. Ask your trainer to load the question banks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass mark %1 %. Training hours: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
