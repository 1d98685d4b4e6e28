<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About TiP Trainer</source>
        <translation>À propos de TiP Trainer</translation>
    </message>
    <message>
        <source>Offline training on trafficking in persons for police officers, prosecutors and judges.</source>
        <translation>Formation hors ligne à la lutte contre la traite des personnes destinée aux officiers de police, aux magistrats du parquet et aux juges.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Génération</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Co&amp;pier</translation>
    </message>
    <message>
        <source>Copy the data folder&apos;s path</source>
        <translation>Copier le chemin du dossier des données</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Composants</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version :</translation>
    </message>
    <message>
        <source>&amp;Build:</source>
        <translation>&amp;Génération :</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Dossier des données :</translation>
    </message>
    <message>
        <source>C&amp;omponents:</source>
        <translation>C&amp;omposants :</translation>
    </message>
    <message>
        <source>The data folder holds the database, backups, logs and this installation&apos;s signing key. Uninstalling or upgrading the program leaves it in place.</source>
        <translation>Le dossier des données contient la base de données, les sauvegardes, les journaux et la clé de signature de cette installation. La désinstallation ou la mise à jour du programme le laisse en place.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>development version (run from the source code)</source>
        <translation>version de développement (lancée depuis le code source)</translation>
    </message>
    <message>
        <source>built on %1</source>
        <translation>générée le %1</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>New password for %1</source>
        <translation>Nouveau mot de passe de %1</translation>
    </message>
    <message>
        <source>New staff account</source>
        <translation>Nouveau compte du personnel</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Formateur</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordonnateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Confirmation du mot de passe</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>&amp;Nom du compte :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>&amp;Confirmer le mot de passe :</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>Un mot de passe doit comporter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <source>Please give the account a name.</source>
        <translation>Veuillez donner un nom au compte.</translation>
    </message>
</context>
<context>
    <name>AccountsScreen</name>
    <message>
        <source>Staff accounts</source>
        <translation>Comptes du personnel</translation>
    </message>
    <message>
        <source>Trainers manage question banks, trainee profiles and sessions; coordinators can do everything. Trainees need no account.</source>
        <translation>Les formateurs gèrent les banques de questions, les profils des apprenants et les sessions ; les coordonnateurs peuvent tout faire. Les apprenants n&apos;ont pas besoin de compte.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Nouveau compte…</translation>
    </message>
    <message>
        <source>Create a staff account</source>
        <translation>Créer un compte du personnel</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>Reset the selected account&apos;s password</source>
        <translation>Réinitialiser le mot de passe du compte sélectionné</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <source>Disable or enable the selected account</source>
        <translation>Désactiver ou réactiver le compte sélectionné</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Locked after wrong passwords</source>
        <translation>Bloqué après des mots de passe erronés</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordonnateur</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Formateur</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>Ré&amp;activer</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Mot de passe modifié</translation>
    </message>
    <message>
        <source>The password of %1 was changed.</source>
        <translation>Le mot de passe de %1 a été modifié.</translation>
    </message>
</context>
<context>
    <name>AuditDetails</name>
    <message>
        <source>trainer</source>
        <translation>formateur</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>coordonnateur</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>déconnexion demandée</translation>
    </message>
    <message>
        <source>after a period of inactivity</source>
        <translation>après une période d&apos;inactivité</translation>
    </message>
    <message>
        <source>left the staff area</source>
        <translation>sortie de l&apos;espace du personnel</translation>
    </message>
    <message>
        <source>the database was restored</source>
        <translation>la base de données a été restaurée</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>tentatives</translation>
    </message>
    <message>
        <source>responses</source>
        <translation>réponses</translation>
    </message>
    <message>
        <source>backups kept</source>
        <translation>sauvegardes conservées</translation>
    </message>
    <message>
        <source>staff signed out after (minutes)</source>
        <translation>déconnexion du personnel après (minutes)</translation>
    </message>
    <message>
        <source>exams fill the screen</source>
        <translation>examens en plein écran</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (annulé)</translation>
    </message>
    <message>
        <source> (replaces version %1)</source>
        <translation> (remplace la version %1)</translation>
    </message>
    <message>
        <source>; the empty file was kept as %1</source>
        <translation> ; le fichier vide a été conservé sous le nom %1</translation>
    </message>
    <message>
        <source>%1 %2 as %3 to %4</source>
        <translation>%1 %2 en %3 vers %4</translation>
    </message>
    <message>
        <source>module %1 to %2</source>
        <translation>module %1 vers %2</translation>
    </message>
    <message>
        <source>programme summary (%1) to %2</source>
        <translation>bilan du programme (%1) vers %2</translation>
    </message>
    <message>
        <source>transcript of trainee %1 to %2</source>
        <translation>relevé de l&apos;apprenant %1 vers %2</translation>
    </message>
    <message>
        <source>%1 entries to %2</source>
        <translation>%1 entrées vers %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1 until %2 after %3 failed sign-ins</source>
        <translation>%1 jusqu&apos;au %2 après %3 échecs de connexion</translation>
    </message>
    <message>
        <source>%1: locked until %2</source>
        <translation>%1 : bloqué jusqu&apos;au %2</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>institution: %1</source>
        <translation>institution : %1</translation>
    </message>
    <message>
        <source>%1 PDF files</source>
        <translation>%1 fichiers PDF</translation>
    </message>
    <message>
        <source>%1 written to %2%3</source>
        <translation>%1 écrites dans %2%3</translation>
    </message>
    <message>
        <source>%1 certificates to %2</source>
        <translation>%1 attestations vers %2</translation>
    </message>
    <message>
        <source>%1 revocations to %2</source>
        <translation>%1 révocations vers %2</translation>
    </message>
    <message>
        <source>%1 new from %2 (%3)</source>
        <translation>%1 nouvelles de %2 (%3)</translation>
    </message>
    <message>
        <source>%1 (%2) for results bundles</source>
        <translation>%1 (%2) pour les lots de résultats</translation>
    </message>
    <message>
        <source>%1 version %2 from %3%4</source>
        <translation>%1 version %2 depuis %3%4</translation>
    </message>
    <message>
        <source>%1 version %2 as %3 (%4)</source>
        <translation>%1 version %2 en %3 (%4)</translation>
    </message>
    <message>
        <source>session %1: %2 participants</source>
        <translation>session %1 : %2 participants</translation>
    </message>
    <message>
        <source>session %1: trainee %2</source>
        <translation>session %1 : apprenant %2</translation>
    </message>
    <message>
        <source>session %1, %2</source>
        <translation>session %1, %2</translation>
    </message>
    <message>
        <source>session %1 to %2</source>
        <translation>session %1 vers %2</translation>
    </message>
    <message>
        <source>%1 (the database as it was is kept as %2)</source>
        <translation>%1 (la base de données telle qu&apos;elle était est conservée sous le nom %2)</translation>
    </message>
    <message>
        <source>%1 restored in place of a missing or empty database%2</source>
        <translation>%1 restaurée à la place d&apos;une base de données absente ou vide%2</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Sensitive actions on this workstation: accounts, question banks, certificates, imports, exports and backups. Entries can be added, never changed or deleted.</source>
        <translation>Actions sensibles effectuées sur ce poste de travail : comptes, banques de questions, certificats, importations, exportations et sauvegardes. Des entrées peuvent être ajoutées, jamais modifiées ni supprimées.</translation>
    </message>
    <message>
        <source>Search the audit log</source>
        <translation>Rechercher dans le journal d&apos;audit</translation>
    </message>
    <message>
        <source>Name, action or detail</source>
        <translation>Nom, action ou détail</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>Ac&amp;tion :</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <source>Export the entries shown as CSV</source>
        <translation>Exporter en CSV les entrées affichées</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Entrées du journal d&apos;audit</translation>
    </message>
    <message>
        <source>Integrity of the audit log</source>
        <translation>Intégrité du journal d&apos;audit</translation>
    </message>
    <message>
        <source>✓ Intact: each of the %1 entries follows the one before it.</source>
        <translation>✓ Intact : chacune des %1 entrées suit la précédente.</translation>
    </message>
    <message>
        <source>⚠ The audit log was altered outside TiP Trainer: entries were removed or changed. Keep a copy of the database and tell your technician.
%1</source>
        <translation>⚠ Le journal d&apos;audit a été modifié en dehors de TiP Trainer : des entrées ont été supprimées ou changées. Gardez une copie de la base de données et prévenez votre technicien.
%1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries were written to %1.</source>
        <translation>
            <numerusform>%n entrée enregistrée dans %1.</numerusform>
            <numerusform>%n entrées enregistrées dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>Journal d&apos;audit exporté</translation>
    </message>
</context>
<context>
    <name>AuthDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>BackupsScreen</name>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Back up the database now</source>
        <translation>Sauvegarder la base de données maintenant</translation>
    </message>
    <message>
        <source>&amp;Restore this backup…</source>
        <translation>&amp;Restaurer cette sauvegarde…</translation>
    </message>
    <message>
        <source>Replace the database with the selected backup</source>
        <translation>Remplacer la base de données par la sauvegarde sélectionnée</translation>
    </message>
    <message>
        <source>The database is backed up automatically when TiP Trainer starts and once a day; the newest %1 are kept, in %2.</source>
        <translation>La base de données est sauvegardée automatiquement au démarrage de TiP Trainer et une fois par jour ; les %1 plus récentes sont conservées, dans %2.</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Avant une restauration</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>Ordinaire</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sauvegarde de la base de données…</translation>
    </message>
    <message>
        <source>Replace ALL the data of this workstation with the backup of %1?

Everything recorded since then (attempts, profiles, accounts) will no longer be shown. The data as they are now are backed up first, so this can be undone by restoring that copy.</source>
        <translation>Remplacer TOUTES les données de ce poste de travail par la sauvegarde du %1 ?

Tout ce qui a été enregistré depuis (tentatives, profils, comptes) ne sera plus affiché. Les données actuelles sont d&apos;abord sauvegardées : l&apos;opération peut être annulée en restaurant cette copie.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
</context>
<context>
    <name>BankLibraryScreen</name>
    <message>
        <source>Question bank library</source>
        <translation>Bibliothèque des banques de questions</translation>
    </message>
    <message>
        <source>Import a bank with the button or drop YAML files here. A bank is added only when it has no problem at all.</source>
        <translation>Importez une banque avec le bouton ou déposez ici des fichiers YAML. Une banque n&apos;est ajoutée que si elle ne comporte aucune erreur.</translation>
    </message>
    <message>
        <source>Question banks</source>
        <translation>Banques de questions</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Import question banks</source>
        <translation>Importer des banques de questions</translation>
    </message>
    <message>
        <source>Question banks (*.yaml *.yml)</source>
        <translation>Banques de questions (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>&amp;Import a bank…</source>
        <translation>&amp;Importer une banque…</translation>
    </message>
    <message>
        <source>Import a question bank file</source>
        <translation>Importer un fichier de banque de questions</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <source>Enable or disable the selected bank</source>
        <translation>Activer ou désactiver la banque sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>Reload the library from disk</source>
        <translation>Recharger la bibliothèque depuis le disque</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Erreurs détectées</translation>
    </message>
    <message>
        <source>Lines of the file around the problem</source>
        <translation>Lignes du fichier autour de l&apos;erreur</translation>
    </message>
    <message>
        <source>Select a bank that failed to load, or import one, to see its problems.</source>
        <translation>Sélectionnez une banque qui n&apos;a pas pu être chargée, ou importez-en une, pour voir ses erreurs.</translation>
    </message>
    <message>
        <source>Preview language</source>
        <translation>Langue de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Questions of the bank</source>
        <translation>Questions de la banque</translation>
    </message>
    <message>
        <source>Question preview with its key</source>
        <translation>Aperçu de la question avec son corrigé</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Preview questions</source>
        <translation>Aperçu des &amp;questions</translation>
    </message>
    <message>
        <source>Pro&amp;blems</source>
        <translation>Erreur&amp;s</translation>
    </message>
    <message>
        <source>Revie&amp;w</source>
        <translation>Rele&amp;cture</translation>
    </message>
    <message>
        <source>Details of the selected bank</source>
        <translation>Détails de la banque choisie</translation>
    </message>
    <message numerus="yes">
        <source>Failed: %n problem(s)</source>
        <translation>
            <numerusform>Échec : %n erreur</numerusform>
            <numerusform>Échec : %n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s); the first %2 are listed. Select one to see the lines concerned.</source>
        <translation>
            <numerusform>%1&#xa0;: %n problème&#xa0;; les %2 premiers sont listés. Sélectionnez-en un pour voir les lignes concernées.</numerusform>
            <numerusform>%1&#xa0;: %n problèmes&#xa0;; les %2 premiers sont listés. Sélectionnez-en un pour voir les lignes concernées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s). Select one to see the lines concerned.</source>
        <translation>
            <numerusform>%1 : %n erreur. Sélectionnez-la pour voir les lignes concernées.</numerusform>
            <numerusform>%1 : %n erreurs. Sélectionnez-en une pour voir les lignes concernées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more problem(s), not listed: fix these and check again</source>
        <translation>
            <numerusform>... et %n autre problème, non listé&#xa0;: corrigez ceux-ci puis vérifiez à nouveau</numerusform>
            <numerusform>... et %n autres problèmes, non listés&#xa0;: corrigez ceux-ci puis vérifiez à nouveau</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a bank to review it.</source>
        <translation>Choisissez une banque pour la relire.</translation>
    </message>
    <message>
        <source>Reviewing %1…</source>
        <translation>Relecture de %1…</translation>
    </message>
    <message>
        <source>Reviewing the imported banks…</source>
        <translation>Relecture des banques importées…</translation>
    </message>
    <message>
        <source>Review: %1; see the Review tab.</source>
        <translation>Relecture&#xa0;: %1&#xa0;; voir l’onglet Relecture.</translation>
    </message>
    <message>
        <source>Checking the question banks…</source>
        <translation>Vérification des banques de questions…</translation>
    </message>
    <message>
        <source>Replaced by an imported version</source>
        <translation>Remplacée par une version importée</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>fournie</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importée</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Activer</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2 : %3</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source>Imported “%1”, version %2.</source>
        <translation>« %1 », version %2, a été importée.</translation>
    </message>
    <message>
        <source>It replaces version %1; the old file is kept in the archive.</source>
        <translation>Elle remplace la version %1 ; l&apos;ancien fichier est conservé dans les archives.</translation>
    </message>
    <message>
        <source>Bank imported</source>
        <translation>Banque importée</translation>
    </message>
</context>
<context>
    <name>BankReviewWidget</name>
    <message>
        <source>Select a bank to review it.</source>
        <translation>Choisissez une banque pour la relire.</translation>
    </message>
    <message>
        <source>Review summary</source>
        <translation>Résumé de la relecture</translation>
    </message>
    <message>
        <source>Show findings of this severity</source>
        <translation>Afficher les constats de cette gravité</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>Tous les constats</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>Affic&amp;her :</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explication</translation>
    </message>
    <message>
        <source>Waiver</source>
        <translation>Dérogation</translation>
    </message>
    <message>
        <source>Review findings</source>
        <translation>Constats de la relecture</translation>
    </message>
    <message>
        <source>The selected finding in full</source>
        <translation>Le constat choisi en entier</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>(the whole bank)</source>
        <translation>(toute la banque)</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s)</source>
        <translation>
            <numerusform>%n remarque</numerusform>
            <numerusform>%n remarques</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not load: each of its problems is listed below (see also the Problems tab).</source>
        <translation>%1 ne se charge pas : chacune de ses erreurs est listée ci-dessous (voir aussi l’onglet Erreurs).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n waived.</source>
        <translation>
            <numerusform>%1&#xa0;: %2, %n dérogation.</numerusform>
            <numerusform>%1&#xa0;: %2, %n dérogations.</numerusform>
        </translation>
    </message>
    <message>
        <source>Results of attempts are not included: a coordinator account sees them.</source>
        <translation>Les résultats des passations ne sont pas inclus : un compte de coordinateur les voit.</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>Ligne %1, colonne %2</translation>
    </message>
    <message>
        <source>Waived by the bank: %1</source>
        <translation>Dérogation accordée par la banque : %1</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Generate certificates</source>
        <translation>Générer des attestations</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>All institutions</source>
        <translation>Toutes les institutions</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <source>&amp;Cohort:</source>
        <translation>&amp;Promotion :</translation>
    </message>
    <message>
        <source>Every trainee who passed a module exam in this period receives a certificate (already issued ones keep their number). You choose the folder next.</source>
        <translation>Chaque apprenant ayant réussi l’examen d’un module pendant cette période reçoit une attestation (celles déjà délivrées conservent leur numéro). Vous choisirez ensuite le dossier.</translation>
    </message>
</context>
<context>
    <name>BundlesScreen</name>
    <message>
        <source>Workstation bundles</source>
        <translation>Lots des postes de travail</translation>
    </message>
    <message>
        <source>Send this workstation&apos;s results</source>
        <translation>Envoyer les résultats de ce poste de travail</translation>
    </message>
    <message>
        <source>Include results &amp;already sent</source>
        <translation>Inclure les résultats &amp;déjà envoyés</translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>E&amp;xporter un lot…</translation>
    </message>
    <message>
        <source>Export the new results to a bundle file</source>
        <translation>Exporter les nouveaux résultats dans un fichier de lot</translation>
    </message>
    <message>
        <source>Save this workstation&apos;s public &amp;key…</source>
        <translation>Enregistrer la &amp;clé publique de ce poste…</translation>
    </message>
    <message>
        <source>The coordinator imports bundles only from workstations whose public key they trust. This workstation&apos;s key: %1</source>
        <translation>Le coordonnateur n&apos;importe que les lots des postes de travail dont il a reconnu la clé publique. Clé de ce poste : %1</translation>
    </message>
    <message>
        <source>Import bundles from workstations</source>
        <translation>Importer les lots des postes de travail</translation>
    </message>
    <message>
        <source>&amp;Trust a workstation&apos;s key…</source>
        <translation>&amp;Reconnaître la clé d&apos;un poste…</translation>
    </message>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Importer des lots…</translation>
    </message>
    <message>
        <source>Import bundle files from workstations</source>
        <translation>Importer des fichiers de lot provenant des postes de travail</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Rapport d&apos;importation</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé le</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste de travail</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Bundles imported</source>
        <translation>Lots importés</translation>
    </message>
    <message>
        <source>&amp;Report of the last import:</source>
        <translation>Rapp&amp;ort de la dernière importation :</translation>
    </message>
    <message numerus="yes">
        <source>%n finished attempts have not been sent yet.</source>
        <translation>
            <numerusform>%n tentative terminée n&apos;a pas encore été envoyée.</numerusform>
            <numerusform>%n tentatives terminées n&apos;ont pas encore été envoyées.</numerusform>
        </translation>
    </message>
    <message>
        <source>its signed code does not verify against the workstation&apos;s key, or states other facts than its record.</source>
        <translation>son code signé ne se vérifie pas avec la clé du poste de travail, ou ne porte pas les mêmes données que son enregistrement.</translation>
    </message>
    <message>
        <source>its trainee is not in this register.</source>
        <translation>son apprenant ne figure pas dans ce registre.</translation>
    </message>
    <message>
        <source>the trainee already holds certificate %1 for it here.</source>
        <translation>l&apos;apprenant détient déjà ici l&apos;attestation %1 pour ce module.</translation>
    </message>
    <message>
        <source>a certificate with the same number is already here.</source>
        <translation>une attestation portant le même numéro figure déjà ici.</translation>
    </message>
    <message>
        <source>%1: bundle from %2, signed by %3 (%4)</source>
        <translation>%1 : lot provenant de %2, signé par %3 (%4)</translation>
    </message>
    <message>
        <source>  Already imported before: nothing was added.</source>
        <translation>  Déjà importé : rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>  Attempts: %1 added, %2 already here.</source>
        <translation>  Tentatives : %1 ajoutées, %2 déjà présentes.</translation>
    </message>
    <message>
        <source>  Trainees: %1 added, %2 already here, %3 profiles updated.</source>
        <translation>  Apprenants : %1 ajoutés, %2 déjà présents, %3 profils mis à jour.</translation>
    </message>
    <message>
        <source>  Certificates: %1 added, %2 already here, %3 newly revoked.</source>
        <translation>  Attestations : ajoutées : %1 ; déjà présentes : %2 ; nouvellement révoquées : %3.</translation>
    </message>
    <message>
        <source>  ⚑ Check: certificate %1 was not added: %2</source>
        <translation>  ⚑ À vérifier : l&apos;attestation %1 n&apos;a pas été ajoutée : %2</translation>
    </message>
    <message>
        <source>  ⚑ Check: %1 matches several trainees; added as a new trainee.</source>
        <translation>  ⚑ À vérifier : %1 correspond à plusieurs apprenants ; ajouté comme nouvel apprenant.</translation>
    </message>
    <message>
        <source>  ⚑ Check: %1 merged with %2 (same name and institution).</source>
        <translation>  ⚑ À vérifier : %1 fusionné avec %2 (même nom et même institution).</translation>
    </message>
    <message>
        <source>  %1 merged with %2 (same service number and institution).</source>
        <translation>  %1 fusionné avec %2 (même matricule et même institution).</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Écriture du lot…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importation de %1…</translation>
    </message>
    <message>
        <source>%1: REFUSED, nothing was changed. %2</source>
        <translation>%1 : REFUSÉ, rien n&apos;a été modifié. %2</translation>
    </message>
    <message>
        <source>%1: cancelled, nothing was changed.</source>
        <translation>%1 : annulé, rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Exporter un lot</translation>
    </message>
    <message>
        <source>Results bundles (*.tipbundle)</source>
        <translation>Lots de résultats (*.tipbundle)</translation>
    </message>
    <message>
        <source>%1 attempts and %2 trainee profiles written to %3.</source>
        <translation>%1 tentatives et %2 profils d&apos;apprenants écrits dans %3.</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Importer des lots</translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation>Enregistrer la clé publique</translation>
    </message>
    <message>
        <source>Public keys (*.tip-key)</source>
        <translation>Clés publiques (*.tip-key)</translation>
    </message>
    <message>
        <source>Trust a workstation&apos;s key</source>
        <translation>Reconnaître la clé d&apos;un poste de travail</translation>
    </message>
    <message>
        <source>Key trusted</source>
        <translation>Clé reconnue</translation>
    </message>
    <message>
        <source>Bundles signed by %1 (%2) can now be imported.</source>
        <translation>Les lots signés par %1 (%2) peuvent désormais être importés.</translation>
    </message>
</context>
<context>
    <name>CertificateSettingsDialog</name>
    <message>
        <source>Certificate settings</source>
        <translation>Paramètres des attestations</translation>
    </message>
    <message>
        <source>Issuing institution</source>
        <translation>Institution émettrice</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>Fichier du logo</translation>
    </message>
    <message>
        <source>the neutral emblem shipped with TiP Trainer</source>
        <translation>l’emblème neutre fourni avec TiP Trainer</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose a logo file</source>
        <translation>Choisir un fichier de logo</translation>
    </message>
    <message>
        <source>Certificate language</source>
        <translation>Langue des attestations</translation>
    </message>
    <message>
        <source>&amp;Issuing institution:</source>
        <translation>&amp;Institution émettrice :</translation>
    </message>
    <message>
        <source>&amp;Logo (PNG, JPEG or SVG):</source>
        <translation>&amp;Logo (PNG, JPEG ou SVG) :</translation>
    </message>
    <message>
        <source>Default lan&amp;guage:</source>
        <translation>Lan&amp;gue par défaut :</translation>
    </message>
    <message>
        <source>Signatory %1 name</source>
        <translation>Nom du signataire %1</translation>
    </message>
    <message>
        <source>Signatory %1 title</source>
        <translation>Fonction du signataire %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Title, e.g. Director of Training</source>
        <translation>Fonction, p. ex. Directeur de la formation</translation>
    </message>
    <message>
        <source>Signatory &amp;%1:</source>
        <translation>Signataire &amp;%1 :</translation>
    </message>
    <message>
        <source>Signatory %1 scanned signature</source>
        <translation>Signature scannée du signataire %1</translation>
    </message>
    <message>
        <source>Scanned signature (optional)</source>
        <translation>Signature scannée (facultative)</translation>
    </message>
    <message>
        <source>A PNG, JPEG or SVG picture of at most 1 MB</source>
        <translation>Une image PNG, JPEG ou SVG de 1 Mo au plus</translation>
    </message>
    <message>
        <source>Signature…</source>
        <translation>Signature…</translation>
    </message>
    <message>
        <source>Choose the scanned signature of signatory %1</source>
        <translation>Choisir la signature scannée du signataire %1</translation>
    </message>
    <message>
        <source>Each certificate also keeps a dashed circle beside the signatures for the institution&apos;s stamp.</source>
        <translation>Chaque attestation réserve aussi, à côté des signatures, un cercle en pointillés pour le sceau de l&apos;institution.</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Choisir un logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>Choose a scanned signature</source>
        <translation>Choisir une signature scannée</translation>
    </message>
</context>
<context>
    <name>CertificatesScreen</name>
    <message>
        <source>Revoke certificate</source>
        <translation>Révoquer l’attestation</translation>
    </message>
    <message>
        <source>Why is certificate %1 revoked? The reason travels with the revocation list.</source>
        <translation>Pourquoi l’attestation %1 est-elle révoquée ? Le motif accompagne la liste de révocation.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Attestations</translation>
    </message>
    <message>
        <source>Search certificates</source>
        <translation>Rechercher des attestations</translation>
    </message>
    <message>
        <source>Name or certificate number</source>
        <translation>Nom ou numéro d’attestation</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoquée</translation>
    </message>
    <message>
        <source>Language of the PDF</source>
        <translation>Langue du PDF</translation>
    </message>
    <message>
        <source>PDF &amp;language:</source>
        <translation>&amp;Langue du PDF :</translation>
    </message>
    <message>
        <source>Certificate register</source>
        <translation>Registre des attestations</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Délivrée par</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Enregistrer le P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the selected certificate as PDF</source>
        <translation>Enregistrer l’attestation sélectionnée en PDF</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>Révo&amp;quer…</translation>
    </message>
    <message>
        <source>Revoke the selected certificate</source>
        <translation>Révoquer l’attestation sélectionnée</translation>
    </message>
    <message>
        <source>Export the register to CSV</source>
        <translation>Exporter le registre en CSV</translation>
    </message>
    <message>
        <source>Generate certificates for every passed trainee</source>
        <translation>Générer les attestations de tous les apprenants admis</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Para&amp;mètres…</translation>
    </message>
    <message>
        <source>Certificate settings</source>
        <translation>Paramètres des attestations</translation>
    </message>
    <message>
        <source>Pro&amp;grammes…</source>
        <translation>P&amp;rogrammes…</translation>
    </message>
    <message>
        <source>Define programmes of modules</source>
        <translation>Définir des programmes de modules</translation>
    </message>
    <message>
        <source>E&amp;xport public key…</source>
        <translation>E&amp;xporter la clé publique…</translation>
    </message>
    <message>
        <source>Export this installation&apos;s public key</source>
        <translation>Exporter la clé publique de cette installation</translation>
    </message>
    <message>
        <source>&amp;Import trusted key…</source>
        <translation>&amp;Importer une clé de confiance…</translation>
    </message>
    <message>
        <source>Trust another installation&apos;s public key</source>
        <translation>Reconnaître la clé publique d’une autre installation</translation>
    </message>
    <message>
        <source>Export the signed list of revoked certificates</source>
        <translation>Exporter la liste signée des attestations révoquées</translation>
    </message>
    <message>
        <source>Import revocati&amp;ons…</source>
        <translation>Importer des révocati&amp;ons…</translation>
    </message>
    <message>
        <source>Import a trusted issuer&apos;s revocation list</source>
        <translation>Importer la liste de révocation d’un émetteur reconnu</translation>
    </message>
    <message>
        <source>this installation</source>
        <translation>ce poste</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n attestation</numerusform>
            <numerusform>%n attestations</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n new revocation(s) recorded.</source>
        <translation>
            <numerusform>%n nouvelle révocation enregistrée.</numerusform>
            <numerusform>%n nouvelles révocations enregistrées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) written.</source>
        <translation>
            <numerusform>%n attestation enregistrée.</numerusform>
            <numerusform>%n attestations enregistrées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) were issued at another workstation and came with its results; that workstation prints them: %1</source>
        <translation>
            <numerusform>%n attestation a été délivrée par un autre poste de travail et est arrivée avec ses résultats ; c&apos;est ce poste qui l&apos;imprime : %1</numerusform>
            <numerusform>%n attestations ont été délivrées par un autre poste de travail et sont arrivées avec ses résultats ; c&apos;est ce poste qui les imprime : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation>Enregistrer l’attestation</translation>
    </message>
    <message>
        <source>Se&amp;arch:</source>
        <translation>Re&amp;chercher :</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Affic&amp;her :</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Exporter en C&amp;SV…</translation>
    </message>
    <message>
        <source>Generate in &amp;batch…</source>
        <translation>&amp;Générer par lot…</translation>
    </message>
    <message>
        <source>Export revo&amp;cations…</source>
        <translation>Exporter les ré&amp;vocations…</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Participation</translation>
    </message>
    <message>
        <source>Competence</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>Exporter le registre</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export public key</source>
        <translation>Exporter la clé publique</translation>
    </message>
    <message>
        <source>TiP Trainer keys (*.tip-key)</source>
        <translation>Clés TiP Trainer (*.tip-key)</translation>
    </message>
    <message>
        <source>Import a trusted key</source>
        <translation>Importer une clé de confiance</translation>
    </message>
    <message>
        <source>Trusted keys</source>
        <translation>Clés de confiance</translation>
    </message>
    <message>
        <source>Certificates signed by %1 (key %2) are now accepted here.</source>
        <translation>Les attestations signées par %1 (clé %2) sont désormais reconnues sur ce poste.</translation>
    </message>
    <message>
        <source>Export revocations</source>
        <translation>Exporter les révocations</translation>
    </message>
    <message>
        <source>Revocation lists (*.tip-revocations)</source>
        <translation>Listes de révocation (*.tip-revocations)</translation>
    </message>
    <message>
        <source>Import revocations</source>
        <translation>Importer des révocations</translation>
    </message>
    <message>
        <source>Revocations</source>
        <translation>Révocations</translation>
    </message>
    <message>
        <source>Folder for the certificates</source>
        <translation>Dossier des attestations</translation>
    </message>
    <message>
        <source>Generating certificates…</source>
        <translation>Génération des attestations…</translation>
    </message>
    <message>
        <source>Stopped before the end, as asked.</source>
        <translation>Arrêt avant la fin, comme demandé.</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Problèmes :</translation>
    </message>
</context>
<context>
    <name>ChoiceInput</name>
    <message>
        <source>Select every right answer.</source>
        <translation>Cochez toutes les bonnes réponses.</translation>
    </message>
    <message>
        <source>Select one answer.</source>
        <translation>Choisissez une seule réponse.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Something needs your attention</source>
        <translation>Votre attention est requise</translation>
    </message>
    <message>
        <source>The question bank has problems and was not loaded.</source>
        <translation>La banque de questions comporte des erreurs et n&apos;a pas été chargée.</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Message d&apos;erreur</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>TiP Trainer met an unexpected error. Your saved answers are safe.
Details were written to:
%1</source>
        <translation>TiP Trainer a rencontré une erreur inattendue. Vos réponses enregistrées sont préservées.
Les détails ont été consignés dans :
%1</translation>
    </message>
</context>
<context>
    <name>ErrorTexts</name>
    <message numerus="yes">
        <source>Module “%1” asks for %n question(s), but only %2 are available.</source>
        <translation>
            <numerusform>Le module « %1 » demande %n question, mais seules %2 sont disponibles.</numerusform>
            <numerusform>Le module « %1 » demande %n questions, mais seules %2 sont disponibles.</numerusform>
        </translation>
    </message>
    <message>
        <source>Module “%1” has no questions.</source>
        <translation>Le module « %1 » ne contient aucune question.</translation>
    </message>
    <message>
        <source>None of those questions is in this module any more.</source>
        <translation>Aucune de ces questions ne figure plus dans ce module.</translation>
    </message>
    <message>
        <source>There is no question %1.</source>
        <translation>Il n’y a pas de question %1.</translation>
    </message>
    <message>
        <source>This attempt is finished; its answers can no longer change.</source>
        <translation>Cette tentative est terminée ; ses réponses ne peuvent plus être modifiées.</translation>
    </message>
    <message>
        <source>The time for this exam is up.</source>
        <translation>Le temps prévu pour cet examen est écoulé.</translation>
    </message>
    <message>
        <source>This answer has been checked; choose Try again to change it.</source>
        <translation>Cette réponse a été vérifiée ; choisissez Réessayer pour la modifier.</translation>
    </message>
    <message>
        <source>Answers are checked only at the end of an exam.</source>
        <translation>Les réponses ne sont vérifiées qu’à la fin d’un examen.</translation>
    </message>
    <message>
        <source>Answer the question before checking it.</source>
        <translation>Répondez à la question avant de la vérifier.</translation>
    </message>
    <message>
        <source>An exam question cannot be retried.</source>
        <translation>Une question d’examen ne peut pas être recommencée.</translation>
    </message>
    <message>
        <source>An attempt at module “%1” is still in progress; resume or submit it before starting another.</source>
        <translation>Une tentative du module « %1 » est encore en cours ; reprenez-la ou remettez-la avant d’en commencer une autre.</translation>
    </message>
    <message>
        <source>This needs a %1 account; sign in from the Staff menu.</source>
        <translation>Cette action demande un compte de %1 ; connectez-vous depuis le menu Personnel.</translation>
    </message>
    <message>
        <source>This needs a %1 account (you are signed in as %2).</source>
        <translation>Cette action demande un compte de %1 (vous êtes connecté en tant que %2).</translation>
    </message>
    <message>
        <source>You were signed out after a period of inactivity; sign in again.</source>
        <translation>Vous avez été déconnecté après une période d’inactivité ; reconnectez-vous.</translation>
    </message>
    <message>
        <source>Wrong account name or password.</source>
        <translation>Nom de compte ou mot de passe erroné.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de mots de passe erronés. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de mots de passe erronés. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is disabled. Ask a coordinator.</source>
        <translation>Ce compte est désactivé. Adressez-vous à un coordonnateur.</translation>
    </message>
    <message>
        <source>There is no staff account named “%1”.</source>
        <translation>Il n’existe aucun compte du personnel nommé « %1 ».</translation>
    </message>
    <message>
        <source>An account named “%1” already exists.</source>
        <translation>Un compte nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>Please give the account a name.</source>
        <translation>Veuillez donner un nom au compte.</translation>
    </message>
    <message numerus="yes">
        <source>An account name may be at most %n character(s).</source>
        <translation>
            <numerusform>Un nom de compte peut comporter au plus %n caractère.</numerusform>
            <numerusform>Un nom de compte peut comporter au plus %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>A staff account is for a trainer or a coordinator.</source>
        <translation>Un compte du personnel est destiné à un formateur ou à un coordonnateur.</translation>
    </message>
    <message>
        <source>The last active coordinator account cannot be disabled.</source>
        <translation>Le dernier compte de coordonnateur actif ne peut pas être désactivé.</translation>
    </message>
    <message numerus="yes">
        <source>A password needs at least %n character(s).</source>
        <translation>
            <numerusform>Un mot de passe doit comporter au moins %n caractère.</numerusform>
            <numerusform>Un mot de passe doit comporter au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A password may be at most %n character(s).</source>
        <translation>
            <numerusform>Un mot de passe peut comporter au plus %n caractère.</numerusform>
            <numerusform>Un mot de passe peut comporter au plus %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>A password cannot be only spaces.</source>
        <translation>Un mot de passe ne peut pas être composé uniquement d’espaces.</translation>
    </message>
    <message>
        <source>The database is missing or empty, but the backup %1 (taken %2) holds data, so nothing was created. Restore that backup from the command line:
  python -m trainer restore &quot;%1&quot; --data-dir &quot;%3&quot;</source>
        <translation>La base de données est absente ou vide, mais la sauvegarde %1 (du %2) contient des données : rien n’a donc été créé. Restaurez cette sauvegarde depuis la ligne de commande :
  python -m trainer restore &quot;%1&quot; --data-dir &quot;%3&quot;</translation>
    </message>
    <message>
        <source>The disk is full or cannot be written; free some space and try again.</source>
        <translation>Le disque est plein ou ne peut pas être écrit ; libérez de l’espace et réessayez.</translation>
    </message>
    <message>
        <source>The database is in use by another program; close it and try again.</source>
        <translation>La base de données est utilisée par un autre programme ; fermez-le et réessayez.</translation>
    </message>
    <message>
        <source>The database file is damaged.</source>
        <translation>Le fichier de la base de données est endommagé.</translation>
    </message>
    <message>
        <source>The database file is read-only.</source>
        <translation>Le fichier de la base de données est en lecture seule.</translation>
    </message>
    <message>
        <source>The database cannot be created (%1).</source>
        <translation>La base de données ne peut pas être créée (%1).</translation>
    </message>
    <message>
        <source>This bank is an imported draft that is not yet completed.</source>
        <translation>Cette banque est un brouillon importé qui n’est pas encore complété.</translation>
    </message>
    <message>
        <source>Some module ids of this bank are already used by another bank.</source>
        <translation>Certains identifiants de module de cette banque sont déjà utilisés par une autre banque.</translation>
    </message>
    <message>
        <source>The bank cannot be written into the library (%1).</source>
        <translation>La banque ne peut pas être enregistrée dans la bibliothèque (%1).</translation>
    </message>
    <message>
        <source>The bank file %1 changed since the list of modules was made. The list now shows what the file holds: choose the module again.</source>
        <translation>Le fichier de banque %1 a changé depuis l’établissement de la liste des modules. La liste montre maintenant ce que contient le fichier : choisissez à nouveau le module.</translation>
    </message>
    <message>
        <source>The logo file does not exist.</source>
        <translation>Le fichier du logo n’existe pas.</translation>
    </message>
    <message>
        <source>The picture file does not exist.</source>
        <translation>Le fichier de l&apos;image n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Only PNG, JPEG or SVG pictures can be printed on a certificate.</source>
        <translation>Seules des images PNG, JPEG ou SVG peuvent être imprimées sur une attestation.</translation>
    </message>
    <message>
        <source>The picture is larger than %1 KB.</source>
        <translation>L&apos;image dépasse %1 Ko.</translation>
    </message>
    <message>
        <source>A certificate has room for three signatories at most.</source>
        <translation>Une attestation peut porter au plus trois signataires.</translation>
    </message>
    <message>
        <source>Certificate %1 was issued by %2 (key %3): only that installation can change it.</source>
        <translation>L’attestation %1 a été délivrée par %2 (clé %3) : seule cette installation peut la modifier.</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>Le fichier n’existe pas.</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>Ceci est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>This file is too large to be a certificate (more than %1).</source>
        <translation>Ce fichier est trop volumineux pour être une attestation (plus de %1).</translation>
    </message>
    <message>
        <source>The file cannot be read (%1).</source>
        <translation>Le fichier ne peut pas être lu (%1).</translation>
    </message>
    <message>
        <source>This file cannot be read as a PDF.</source>
        <translation>Ce fichier ne peut pas être lu comme un PDF.</translation>
    </message>
    <message>
        <source>This PDF has too many pages to be a certificate.</source>
        <translation>Ce PDF a trop de pages pour être une attestation.</translation>
    </message>
    <message>
        <source>The folder cannot be created.</source>
        <translation>Le dossier ne peut pas être créé.</translation>
    </message>
    <message>
        <source>The revocation list is larger than %1.</source>
        <translation>La liste de révocation dépasse %1.</translation>
    </message>
    <message>
        <source>The revocation list cannot be read.</source>
        <translation>La liste de révocation ne peut pas être lue.</translation>
    </message>
    <message>
        <source>This is not a TiP Trainer revocation list.</source>
        <translation>Ceci n’est pas une liste de révocation de TiP Trainer.</translation>
    </message>
    <message>
        <source>The revocation list is damaged.</source>
        <translation>La liste de révocation est endommagée.</translation>
    </message>
    <message>
        <source>The revocation list is not valid: its signature does not match a trusted issuer.</source>
        <translation>La liste de révocation n’est pas valide : sa signature ne correspond à aucun émetteur de confiance.</translation>
    </message>
    <message>
        <source>The central database address is not valid: %1.</source>
        <translation>L’adresse de la base de données centrale n’est pas valide : %1.</translation>
    </message>
    <message>
        <source>The central database server %1 cannot be reached. Work goes on here; results will be sent when it can be reached.</source>
        <translation>Le serveur de la base de données centrale %1 est injoignable. Le travail continue ici ; les résultats seront envoyés dès qu’il sera joignable.</translation>
    </message>
    <message>
        <source>The central database refused the user name “%1” or its password.</source>
        <translation>La base de données centrale a refusé le nom d’utilisateur « %1 » ou son mot de passe.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to the central database failed: %1.</source>
        <translation>La connexion sécurisée (TLS) à la base de données centrale a échoué : %1.</translation>
    </message>
    <message>
        <source>The central database has not been prepared for TiP Trainer yet (python -m trainer central init-server).</source>
        <translation>La base de données centrale n’a pas encore été préparée pour TiP Trainer (python -m trainer central init-server).</translation>
    </message>
    <message>
        <source>The central database has schema version %1, newer than this program knows (%2). Update TiP Trainer on this workstation; work goes on here.</source>
        <translation>La base de données centrale a la version de schéma %1, plus récente que celle que connaît ce programme (%2). Mettez TiP Trainer à jour sur ce poste ; le travail continue ici.</translation>
    </message>
    <message>
        <source>The central database has schema version %1, older than this program needs (%2). Ask the coordinator to upgrade it (central init-server).</source>
        <translation>La base de données centrale a la version de schéma %1, plus ancienne que celle qu’exige ce programme (%2). Demandez au coordinateur de la mettre à niveau (central init-server).</translation>
    </message>
    <message>
        <source>The central database needs TiP Trainer %1 or newer; this is %2. Update TiP Trainer on this workstation; work goes on here.</source>
        <translation>La base de données centrale exige TiP Trainer %1 ou plus récent ; ce poste a la version %2. Mettez TiP Trainer à jour sur ce poste ; le travail continue ici.</translation>
    </message>
    <message>
        <source>The central database user “%1” is not registered as a workstation (python -m trainer central add-workstation).</source>
        <translation>L’utilisateur « %1 » de la base de données centrale n’est pas enregistré comme poste de travail (python -m trainer central add-workstation).</translation>
    </message>
    <message>
        <source>These central database credentials belong to another workstation (%1).</source>
        <translation>Ces identifiants de la base de données centrale appartiennent à un autre poste de travail (%1).</translation>
    </message>
    <message>
        <source>The central database sent data that was refused: %1.</source>
        <translation>La base de données centrale a envoyé des données qui ont été refusées : %1.</translation>
    </message>
    <message>
        <source>The connection to the central database was lost; what was not confirmed will be sent again next time.</source>
        <translation>La connexion à la base de données centrale a été perdue ; ce qui n’a pas été confirmé sera renvoyé la prochaine fois.</translation>
    </message>
    <message>
        <source>The central database refused the change: %1.</source>
        <translation>La base de données centrale a refusé la modification : %1.</translation>
    </message>
    <message>
        <source>The central database settings cannot be read: %1.</source>
        <translation>Les réglages de la base de données centrale ne peuvent pas être lus : %1.</translation>
    </message>
    <message>
        <source>This workstation is not connected to a central database.</source>
        <translation>Ce poste de travail n’est relié à aucune base de données centrale.</translation>
    </message>
</context>
<context>
    <name>ExamStartScreen</name>
    <message>
        <source>Exam: %1</source>
        <translation>Examen : %1</translation>
    </message>
    <message>
        <source>Read these instructions, then press Start when you are ready.</source>
        <translation>Lisez ces consignes, puis appuyez sur Commencer quand vous êtes prêt ou prête.</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>No time limit</source>
        <translation>Sans limite de temps</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>Note de réussite</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Answer on your own, without notes or help.</source>
        <translation>Répondez seul ou seule, sans notes ni aide.</translation>
    </message>
    <message>
        <source>You may move between questions, flag them for review and change your answers until you submit.</source>
        <translation>Vous pouvez passer d&apos;une question à l&apos;autre, les marquer pour relecture et changer vos réponses jusqu&apos;à la remise.</translation>
    </message>
    <message>
        <source>Unanswered questions score nothing. The result shows once you submit.</source>
        <translation>Une question sans réponse ne rapporte aucun point. Le résultat s&apos;affiche après la remise.</translation>
    </message>
    <message>
        <source>The clock starts when you press Start and keeps running if you leave. When time runs out your answers are submitted as they stand.</source>
        <translation>Le chronomètre démarre quand vous appuyez sur Commencer et continue si vous quittez. À la fin du temps, vos réponses sont remises telles quelles.</translation>
    </message>
    <message>
        <source>Each answer is saved the moment you give it. After a power cut or a crash, choose your profile again and resume where you were: nothing is lost.</source>
        <translation>Chaque réponse est enregistrée dès que vous la donnez. Après une coupure de courant ou une panne, choisissez de nouveau votre profil et reprenez là où vous étiez : rien n&apos;est perdu.</translation>
    </message>
    <message>
        <source>S&amp;tart the exam</source>
        <translation>&amp;Commencer l&apos;examen</translation>
    </message>
    <message>
        <source>Start the exam now; the clock starts</source>
        <translation>Commencer l&apos;examen maintenant ; le chronomètre démarre</translation>
    </message>
    <message>
        <source>&amp;Back to my modules</source>
        <translation>&amp;Retour à mes modules</translation>
    </message>
    <message>
        <source>Back to my modules</source>
        <translation>Retour à mes modules</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export results</source>
        <translation>Exporter les résultats</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Données à exporter</translation>
    </message>
    <message>
        <source>Attempts (one row each)</source>
        <translation>Tentatives (une ligne chacune)</translation>
    </message>
    <message>
        <source>Responses (one row per question of each attempt)</source>
        <translation>Réponses (une ligne par question de chaque tentative)</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Format de fichier</translation>
    </message>
    <message>
        <source>CSV (UTF-8)</source>
        <translation>CSV (UTF-8)</translation>
    </message>
    <message>
        <source>CSV for Excel (semicolons, decimal commas)</source>
        <translation>CSV pour Excel (points-virgules, virgules décimales)</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Classeur Excel (XLSX)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>&amp;Export:</source>
        <translation>&amp;Exporter :</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>The filters of the results screen apply to the export.</source>
        <translation>Les filtres de l&apos;écran des résultats s&apos;appliquent à l&apos;exportation.</translation>
    </message>
</context>
<context>
    <name>FormatsScreen</name>
    <message>
        <source>Import a GIFT or Moodle XML file</source>
        <translation>Importer un fichier GIFT ou Moodle XML</translation>
    </message>
    <message>
        <source>GIFT or Moodle XML (*.gift *.txt *.xml)</source>
        <translation>GIFT ou Moodle XML (*.gift *.txt *.xml)</translation>
    </message>
    <message>
        <source>Import/export GIFT and Moodle XML</source>
        <translation>Import/export GIFT et Moodle XML</translation>
    </message>
    <message>
        <source>Convert questions written for Moodle (GIFT or Moodle XML) into a draft bank. Question kinds this program cannot ask are listed in the report with their file and line; nothing is dropped silently.</source>
        <translation>Convertissez des questions rédigées pour Moodle (GIFT ou Moodle XML) en projet de banque. Les types de questions que ce programme ne peut pas poser sont signalés dans le rapport avec leur fichier et leur ligne ; rien n&apos;est écarté en silence.</translation>
    </message>
    <message>
        <source>Language of the questions</source>
        <translation>Langue des questions</translation>
    </message>
    <message>
        <source>&amp;Choose a file to import…</source>
        <translation>&amp;Choisir un fichier à importer…</translation>
    </message>
    <message>
        <source>Choose a GIFT or Moodle XML file to import</source>
        <translation>Choisir un fichier GIFT ou Moodle XML à importer</translation>
    </message>
    <message>
        <source>Save the &amp;draft as…</source>
        <translation>Enre&amp;gistrer le projet sous…</translation>
    </message>
    <message>
        <source>Save the draft bank as a YAML file</source>
        <translation>Enregistrer le projet de banque dans un fichier YAML</translation>
    </message>
    <message>
        <source>&amp;Language of the questions:</source>
        <translation>&amp;Langue des questions :</translation>
    </message>
    <message>
        <source>Use the &amp;nearest grade for grades Moodle refuses</source>
        <translation>&amp;Utiliser la note la plus proche pour les notes refusées par Moodle</translation>
    </message>
    <message>
        <source>Replace answer grades Moodle does not allow by the nearest allowed grade</source>
        <translation>Remplacer les notes de réponse refusées par Moodle par la note admise la plus proche</translation>
    </message>
    <message>
        <source>Off: a file with a grade such as 33% is refused, as Moodle refuses it. On: each such grade becomes the nearest one Moodle allows (33.33333%), and the report lists it.</source>
        <translation>Décoché : un fichier contenant une note comme 33 % est refusé, comme Moodle le refuse. Coché : chacune de ces notes devient la plus proche admise par Moodle (33,33333 %), et le rapport l&apos;indique.</translation>
    </message>
    <message>
        <source>Next steps: the draft holds only this language. Open the saved file in a text editor, replace every TO-COMPLETE (topic, source) and every &apos;TO COMPLETE&apos; explanation, declare the sources the questions cite, add the second language if you have it, then import the file in the question bank library, which checks it.</source>
        <translation>Étapes suivantes : le projet ne contient que cette langue. Ouvrez le fichier enregistré dans un éditeur de texte, remplacez chaque TO-COMPLETE (thème, source) et chaque explication « TO COMPLETE », déclarez les sources citées par les questions, ajoutez la seconde langue si vous en disposez, puis importez le fichier dans la bibliothèque des banques de questions, qui le vérifie.</translation>
    </message>
    <message>
        <source>Bank to export</source>
        <translation>Banque à exporter</translation>
    </message>
    <message>
        <source>Language to export</source>
        <translation>Langue à exporter</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Format du fichier</translation>
    </message>
    <message>
        <source>GIFT</source>
        <translation>GIFT</translation>
    </message>
    <message>
        <source>Moodle XML</source>
        <translation>Moodle XML</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Export the bank to a file</source>
        <translation>Exporter la banque dans un fichier</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>&amp;Banque :</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>La&amp;ngue :</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>GIFT and Moodle XML keep every kind of question. Scenarios become a description followed by their questions, whose id numbers name the scenario so that it is found again even after Moodle sorts the questions.</source>
        <translation>GIFT et Moodle XML conservent tous les types de questions. Les mises en situation deviennent une description suivie de leurs questions, dont les numéros d&apos;identification désignent la mise en situation, afin qu&apos;elle soit retrouvée même après que Moodle a trié les questions.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>Import or export a file to see its report here.</source>
        <translation>Importez ou exportez un fichier pour en voir le rapport ici.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Report: questions left out, changed or to complete</source>
        <translation>Rapport : questions écartées, modifiées ou à compléter</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Écartée</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>To complete</source>
        <translation>À compléter</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) converted, %1 left out, %2 changed, %3 to complete.</source>
        <translation>
            <numerusform>%n question convertie ; écartées : %1 ; modifiées : %2 ; à compléter : %3.</numerusform>
            <numerusform>%n questions converties ; écartées : %1 ; modifiées : %2 ; à compléter : %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1: </source>
        <translation>%1 importé : </translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Draft saved to %1. Complete it as described above, then import it in the question bank library.</source>
        <translation>Projet enregistré dans %1. Complétez-le comme indiqué ci-dessus, puis importez-le dans la bibliothèque des banques de questions.</translation>
    </message>
    <message>
        <source>Its pictures are in the folder %1 beside it: keep them together.</source>
        <translation>Ses images sont dans le dossier %1 à côté : gardez-les ensemble.</translation>
    </message>
    <message>
        <source>Save the draft bank</source>
        <translation>Enregistrer le projet de banque</translation>
    </message>
    <message>
        <source>Question banks (*.yaml)</source>
        <translation>Banques de questions (*.yaml)</translation>
    </message>
    <message>
        <source>Exported to %1: </source>
        <translation>Exporté dans %1 : </translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <source>GIFT (*.gift)</source>
        <translation>GIFT (*.gift)</translation>
    </message>
    <message>
        <source>Moodle XML (*.xml)</source>
        <translation>Moodle XML (*.xml)</translation>
    </message>
    <message>
        <source>Export the bank</source>
        <translation>Exporter la banque</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>TiP Trainer user guide</source>
        <translation>Guide d&apos;utilisation de TiP Trainer</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide d&apos;utilisation</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close the guide</source>
        <translation>Fermer le guide</translation>
    </message>
</context>
<context>
    <name>HeldRecordsDialog</name>
    <message>
        <source>Trainee</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Training session</source>
        <translation>Session de formation</translation>
    </message>
    <message>
        <source>Session test</source>
        <translation>Test de session</translation>
    </message>
    <message>
        <source>Attempt and its answers</source>
        <translation>Tentative et ses réponses</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>Entrée du journal d’audit</translation>
    </message>
    <message>
        <source>Records held back by the central database</source>
        <translation>Enregistrements retenus par la base centrale</translation>
    </message>
    <message>
        <source>The central database refused these records, for the reason it gave. They stay on this workstation and everything else is still sent. Once the cause is fixed on the server, choose Send again: the next sync sends them.</source>
        <translation>La base centrale a refusé ces enregistrements, pour la raison qu’elle indique. Ils restent sur ce poste et tout le reste est bien envoyé. Une fois la cause corrigée sur le serveur, choisissez Renvoyer : la prochaine synchronisation les enverra.</translation>
    </message>
    <message>
        <source>How many records are held back</source>
        <translation>Nombre d’enregistrements retenus</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Lequel</translation>
    </message>
    <message>
        <source>Held back on</source>
        <translation>Retenu le</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;Renvoyer</translation>
    </message>
    <message>
        <source>Put the held-back records back in the queue for the next sync</source>
        <translation>Remettre les enregistrements retenus dans la file pour la prochaine synchronisation</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close the list of held-back records</source>
        <translation>Fermer la liste des enregistrements retenus</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) held back by the central database</source>
        <translation>
            <numerusform>%n enregistrement retenu par la base centrale</numerusform>
            <numerusform>%n enregistrements retenus par la base centrale</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>Attempt history of %1</source>
        <translation>Historique des tentatives de %1</translation>
    </message>
    <message>
        <source>My attempts</source>
        <translation>Mes tentatives</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Non réussi</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>You have not taken any module yet.</source>
        <translation>Vous n&apos;avez encore suivi aucun module.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Review or resume the selected attempt</source>
        <translation>Revoir ou reprendre la tentative sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Back to my modules</source>
        <translation>&amp;Retour à mes modules</translation>
    </message>
    <message>
        <source>Back to my modules</source>
        <translation>Retour à mes modules</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Welcome to TiP Trainer</source>
        <translation>Bienvenue dans TiP Trainer</translation>
    </message>
    <message>
        <source>Training on trafficking in persons for police officers, prosecutors and judges. Choose your profile, or create one if this is your first time.</source>
        <translation>Formation à la lutte contre la traite des personnes destinée aux officiers de police, aux magistrats du parquet et aux juges. Choisissez votre profil, ou créez-en un s&apos;il s&apos;agit de votre première connexion.</translation>
    </message>
    <message>
        <source>Search by name or service number</source>
        <translation>Rechercher par nom ou matricule</translation>
    </message>
    <message>
        <source>Search trainee profiles</source>
        <translation>Rechercher un profil d&apos;apprenant</translation>
    </message>
    <message>
        <source>Trainee profiles</source>
        <translation>Profils des apprenants</translation>
    </message>
    <message>
        <source>&amp;Continue with this profile</source>
        <translation>&amp;Continuer avec ce profil</translation>
    </message>
    <message>
        <source>Continue with the selected profile</source>
        <translation>Continuer avec le profil sélectionné</translation>
    </message>
    <message>
        <source>I already have a profile</source>
        <translation>J&apos;ai déjà un profil</translation>
    </message>
    <message>
        <source>Institution&apos;s emblem</source>
        <translation>Emblème de l&apos;institution</translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation>Rec&amp;hercher :</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Service number (optional)</source>
        <translation>Matricule (facultatif)</translation>
    </message>
    <message>
        <source>Gender (optional)</source>
        <translation>Sexe (facultatif)</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Province (optional)</source>
        <translation>Province (facultatif)</translation>
    </message>
    <message>
        <source>Function or rank (optional)</source>
        <translation>Fonction ou grade (facultatif)</translation>
    </message>
    <message>
        <source>Problem with the name</source>
        <translation>Problème avec le nom</translation>
    </message>
    <message>
        <source>C&amp;reate my profile</source>
        <translation>C&amp;réer mon profil</translation>
    </message>
    <message>
        <source>Create my profile</source>
        <translation>Créer mon profil</translation>
    </message>
    <message>
        <source>This is my first time</source>
        <translation>C&apos;est ma première connexion</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Nom complet :</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Institution :</translation>
    </message>
    <message>
        <source>Service n&amp;umber (optional):</source>
        <translation>&amp;Matricule (facultatif) :</translation>
    </message>
    <message>
        <source>&amp;Gender (optional):</source>
        <translation>&amp;Sexe (facultatif) :</translation>
    </message>
    <message>
        <source>&amp;Province (optional):</source>
        <translation>Pro&amp;vince (facultatif) :</translation>
    </message>
    <message>
        <source>Function or ran&amp;k (optional):</source>
        <translation>Fonc&amp;tion ou grade (facultatif) :</translation>
    </message>
    <message>
        <source>The service number contains control or invisible characters.</source>
        <translation>Le matricule contient des caractères de contrôle ou invisibles.</translation>
    </message>
    <message>
        <source>Please enter your full name.</source>
        <translation>Veuillez saisir votre nom complet.</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>images and files cannot be shown here and were left out (in %1); an [image] mark shows where they were</source>
        <translation>les images et fichiers ne peuvent pas être affichés ici et ont été écartés (dans : %1) ; une marque [image] indique leur emplacement</translation>
    </message>
    <message>
        <source>the question has no text</source>
        <translation>la question n&apos;a pas de texte</translation>
    </message>
    <message>
        <source>the question has no text but its title: the title became its text</source>
        <translation>la question n&apos;a pas de texte, seulement un titre : le titre est devenu son texte</translation>
    </message>
    <message>
        <source>to complete: %1</source>
        <translation>à compléter : %1</translation>
    </message>
    <message>
        <source>an answer has no text</source>
        <translation>une réponse n&apos;a pas de texte</translation>
    </message>
    <message>
        <source>no answer gives full marks</source>
        <translation>aucune réponse ne donne la totalité des points</translation>
    </message>
    <message>
        <source>the %1% credit for &apos;%2&apos; is not kept: only the right option scores here</source>
        <translation>le crédit de %1 % pour « %2 » n&apos;est pas conservé : ici, seule la bonne réponse rapporte des points</translation>
    </message>
    <message>
        <source>no answer gives any credit</source>
        <translation>aucune réponse ne rapporte de points</translation>
    </message>
    <message>
        <source>answer weights (%1) become our fixed rule: the options with positive weight (%2) are right, each right option ticked earns an equal share and each wrong one ticked costs an equal share</source>
        <translation>les pondérations des réponses (%1) sont remplacées par notre règle fixe : les réponses de poids positif (%2) sont justes, chaque bonne réponse cochée rapporte une part égale et chaque mauvaise réponse cochée retire une part égale</translation>
    </message>
    <message>
        <source>a matching question needs at least 2 pairs</source>
        <translation>une question d&apos;appariement exige au moins 2 paires</translation>
    </message>
    <message>
        <source>a sub-question has no text</source>
        <translation>une sous-question n&apos;a pas de texte</translation>
    </message>
    <message>
        <source>an ordering question needs at least 2 items with text</source>
        <translation>une question de mise en ordre exige au moins 2 éléments avec du texte</translation>
    </message>
    <message>
        <source>Moodle grades it by %1; here it earns the share of neighbouring items placed in the right order</source>
        <translation>Moodle la note selon %1 ; ici, elle rapporte la part des éléments voisins placés dans le bon ordre</translation>
    </message>
    <message>
        <source>Moodle showed only some of the items; here all items are shown</source>
        <translation>Moodle n&apos;affichait qu&apos;une partie des éléments ; ici, tous les éléments sont affichés</translation>
    </message>
    <message>
        <source>the description and the %1 questions after it became one scenario</source>
        <translation>la description et les %1 questions qui la suivent forment une mise en situation</translation>
    </message>
    <message>
        <source>the question could not be read</source>
        <translation>la question n&apos;a pas pu être lue</translation>
    </message>
    <message>
        <source>%1 questions have no equivalent here and were left out</source>
        <translation>les questions de type « %1 » n&apos;ont pas d&apos;équivalent ici et ont été écartées</translation>
    </message>
    <message>
        <source>no question could be converted</source>
        <translation>aucune question n&apos;a pu être convertie</translation>
    </message>
    <message>
        <source>options fixed in place cannot be expressed; Moodle may shuffle them</source>
        <translation>les réponses à position fixe ne peuvent pas être exprimées ; Moodle peut les mélanger</translation>
    </message>
    <message>
        <source>%1 answers give full marks: in Moodle any one of them earns full marks; here it became a multiple-response question where each right one must be ticked</source>
        <translation>%1 réponses donnent la totalité des points : dans Moodle, n&apos;importe laquelle d&apos;entre elles rapporte la totalité des points ; ici, la question est devenue une question à réponses multiples où chaque bonne réponse doit être cochée</translation>
    </message>
    <message>
        <source>a weight of %1% is not one Moodle allows; %2% was written instead</source>
        <translation>une pondération de %1 % n&apos;est pas admise par Moodle ; %2 % a été écrit à la place</translation>
    </message>
    <message>
        <source>scenario written as a description followed by its %1 questions; Moodle shows them as separate questions</source>
        <translation>mise en situation écrite sous forme d&apos;une description suivie de ses %1 questions ; Moodle les affiche comme des questions distinctes</translation>
    </message>
    <message>
        <source>sources, difficulty and audiences have no place in Moodle: they are kept in a comment that Moodle ignores and TiP Trainer reads back</source>
        <translation>les sources, la difficulté et les publics n&apos;ont pas de place dans Moodle : ils sont conservés dans un commentaire que Moodle ignore et que TiP Trainer relit</translation>
    </message>
    <message>
        <source>an answer with no text was dropped, as Moodle drops it</source>
        <translation>une réponse sans texte a été supprimée, comme Moodle la supprime</translation>
    </message>
    <message>
        <source>&apos;~=&apos; leaves an empty answer before the right one (&apos;=&apos; alone marks it); the empty answer was dropped, as Moodle drops it</source>
        <translation>« ~= » laisse une réponse vide avant la bonne réponse (« = » seul la désigne) ; la réponse vide a été supprimée, comme Moodle la supprime</translation>
    </message>
    <message>
        <source>an item with no text was dropped, as Moodle drops it</source>
        <translation>un élément sans texte a été supprimé, comme Moodle le supprime</translation>
    </message>
    <message>
        <source>fewer than 2 answers have text</source>
        <translation>moins de 2 réponses ont un texte</translation>
    </message>
    <message>
        <source>the %1 is only a picture, which cannot be kept here; the question was left out</source>
        <translation>« %1 » n&apos;est qu&apos;une image, qui ne peut pas être conservée ici ; la question a été écartée</translation>
    </message>
    <message>
        <source>every option is right (%1 of %1); a multiple-response question needs at least one wrong option</source>
        <translation>toutes les réponses sont justes (%1 sur %1) ; une question à réponses multiples exige au moins une mauvaise réponse</translation>
    </message>
    <message>
        <source>every sub-question has the same answer (&apos;%1&apos;); a matching question needs at least 2 different answers</source>
        <translation>toutes les sous-questions ont la même réponse (« %1 ») ; une question d&apos;appariement exige au moins 2 réponses différentes</translation>
    </message>
    <message>
        <source>a description is text shown between questions, not a question: it was left out (it becomes the case of a scenario only when its questions name it)</source>
        <translation>une description est un texte affiché entre des questions, pas une question : elle a été écartée (elle ne devient le cas d&apos;une mise en situation que si ses questions la désignent)</translation>
    </message>
    <message>
        <source>this question has no title and follows the titled description &apos;%1&apos;, which has no question: the blank line between them was taken for a slip and the description was put before this question&apos;s text</source>
        <translation>cette question n&apos;a pas de titre et suit la description titrée « %1 », qui n&apos;a pas de question : la ligne vide entre elles a été prise pour une erreur de saisie et la description a été placée avant le texte de cette question</translation>
    </message>
    <message>
        <source>only %1 of the scenario&apos;s questions could be imported; a scenario needs 2, so its case text was left out</source>
        <translation>seules %1 des questions de la mise en situation ont pu être importées ; une mise en situation en exige 2, son texte a donc été écarté</translation>
    </message>
    <message>
        <source>the feedback for right, partly right and wrong answers has no place here and was left out</source>
        <translation>les commentaires pour les réponses justes, partiellement justes et fausses n&apos;ont pas de place ici et ont été écartés</translation>
    </message>
    <message>
        <source>hints for later tries (%1) have no place here and were left out</source>
        <translation>les indices pour les tentatives suivantes (%1) n&apos;ont pas de place ici et ont été écartés</translation>
    </message>
    <message>
        <source>the feedback of each item has no place here and was left out</source>
        <translation>le commentaire de chaque élément n&apos;a pas de place ici et a été écarté</translation>
    </message>
    <message>
        <source>a grade of %1% is not one Moodle allows; the nearest, %2%, was used (nearest grade)</source>
        <translation>une note de %1 % n&apos;est pas admise par Moodle ; la plus proche, %2 %, a été utilisée (note la plus proche)</translation>
    </message>
    <message>
        <source>Moodle showed the items side by side; here they are shown one below the other</source>
        <translation>Moodle affichait les éléments côte à côte ; ici, ils sont affichés les uns sous les autres</translation>
    </message>
    <message>
        <source>GIFT ordering items are written one per line as they are: line breaks in an item were replaced by spaces</source>
        <translation>les éléments d&apos;une question de mise en ordre GIFT sont écrits un par ligne, tels quels : les retours à la ligne d&apos;un élément ont été remplacés par des espaces</translation>
    </message>
    <message>
        <source>the file holds no question</source>
        <translation>le fichier ne contient aucune question</translation>
    </message>
    <message>
        <source>unbalanced braces: the answers must be written between one &apos;{&apos; and one &apos;}&apos; (write \{ or \} for a literal brace)</source>
        <translation>accolades déséquilibrées : les réponses doivent être écrites entre une « { » et une « } » (écrivez \{ ou \} pour une accolade littérale)</translation>
    </message>
    <message>
        <source>a multiple choice question needs at least 2 answers</source>
        <translation>une question à choix multiple exige au moins 2 réponses</translation>
    </message>
    <message>
        <source>an answer weight such as %50% is not a number</source>
        <translation>une pondération de réponse telle que %50% n&apos;est pas un nombre</translation>
    </message>
    <message>
        <source>a matching pair must be written &apos;=question -&gt; answer&apos;</source>
        <translation>une paire d&apos;appariement s&apos;écrit « =question -&gt; réponse »</translation>
    </message>
    <message>
        <source>an answer&apos;s grade of %1% counts as 0% here (a typed answer never costs marks)</source>
        <translation>la note de %1 % d&apos;une réponse compte ici pour 0 % (une réponse saisie ne fait jamais perdre de points)</translation>
    </message>
    <message>
        <source>Moodle takes the unit penalty off the question&apos;s whole mark; here it is taken off the answer&apos;s credit</source>
        <translation>Moodle retire la pénalité d&apos;unité de la note entière de la question ; ici, elle est retirée du crédit de la réponse</translation>
    </message>
    <message>
        <source>Moodle offered the units in a list; here the unit is typed after the number</source>
        <translation>Moodle proposait les unités dans une liste ; ici, l&apos;unité se saisit après le nombre</translation>
    </message>
    <message>
        <source>a unit has no name or a multiplier that is not a positive number: %1</source>
        <translation>une unité n&apos;a pas de nom ou a un multiplicateur qui n&apos;est pas un nombre positif : %1</translation>
    </message>
    <message>
        <source>an answer or tolerance is not a number: %1</source>
        <translation>une réponse ou une tolérance n&apos;est pas un nombre : %1</translation>
    </message>
    <message>
        <source>GIFT has no units; export to Moodle XML to keep them</source>
        <translation>GIFT ne connaît pas les unités ; exportez en Moodle XML pour les garder</translation>
    </message>
    <message>
        <source>no answer can earn full marks: an earlier answer (such as &apos;*&apos;) catches every answer that would</source>
        <translation>aucune réponse ne peut obtenir tous les points : une réponse placée avant (comme « * ») attrape toutes celles qui les obtiendraient</translation>
    </message>
    <message>
        <source>GIFT cannot say that capital letters count; Moodle will ignore them (export to Moodle XML to keep it)</source>
        <translation>GIFT ne peut pas dire que les majuscules comptent ; Moodle les ignorera (exportez en Moodle XML pour le garder)</translation>
    </message>
    <message>
        <source>a numerical question needs at least 1 answer</source>
        <translation>une question numérique demande au moins 1 réponse</translation>
    </message>
    <message>
        <source>a numerical answer must be written &apos;value&apos;, &apos;value:tolerance&apos; or &apos;min..max&apos; with numbers</source>
        <translation>une réponse numérique s&apos;écrit « valeur », « valeur:tolérance » ou « min..max », avec des nombres</translation>
    </message>
    <message>
        <source>question text</source>
        <translation>texte de la question</translation>
    </message>
    <message>
        <source>general feedback</source>
        <translation>rétroaction générale</translation>
    </message>
    <message>
        <source>an answer</source>
        <translation>une réponse</translation>
    </message>
    <message>
        <source>answer feedback</source>
        <translation>rétroaction d&apos;une réponse</translation>
    </message>
    <message>
        <source>feedback</source>
        <translation>rétroaction</translation>
    </message>
    <message>
        <source>a sub-question</source>
        <translation>une sous-question</translation>
    </message>
    <message>
        <source>an item</source>
        <translation>un élément</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>thème</translation>
    </message>
    <message>
        <source>explanation</source>
        <translation>explication</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>essay</source>
        <translation>composition</translation>
    </message>
    <message>
        <source>short answer</source>
        <translation>réponse courte</translation>
    </message>
    <message>
        <source>numerical</source>
        <translation>numérique</translation>
    </message>
    <message>
        <source>embedded answers (Cloze)</source>
        <translation>réponses intégrées (Cloze)</translation>
    </message>
    <message>
        <source>calculated</source>
        <translation>calculée</translation>
    </message>
    <message>
        <source>simple calculated</source>
        <translation>calculée simple</translation>
    </message>
    <message>
        <source>calculated multichoice</source>
        <translation>calculée à choix multiple</translation>
    </message>
    <message>
        <source>drag and drop into text</source>
        <translation>glisser-déposer sur texte</translation>
    </message>
    <message>
        <source>drag and drop onto image</source>
        <translation>glisser-déposer sur image</translation>
    </message>
    <message>
        <source>drag and drop markers</source>
        <translation>glisser-déposer de marqueurs</translation>
    </message>
    <message>
        <source>select missing words</source>
        <translation>sélection de mots manquants</translation>
    </message>
    <message>
        <source>random short-answer matching</source>
        <translation>appariement aléatoire à réponse courte</translation>
    </message>
    <message>
        <source>the picture &apos;%1&apos; has no alternative text: add alternative text (what the picture shows)</source>
        <translation>l&apos;image « %1 » n&apos;a pas de texte de remplacement : ajoutez un texte de remplacement (ce que montre l&apos;image)</translation>
    </message>
    <message>
        <source>the question was only a picture: write its text</source>
        <translation>la question n&apos;était qu&apos;une image : écrivez son texte</translation>
    </message>
    <message>
        <source>the picture &apos;%1&apos; was left out: %2</source>
        <translation>l&apos;image « %1 » a été écartée : %2</translation>
    </message>
    <message>
        <source>the file is %1 MB with its pictures, more than the 16 MB an import here reads and perhaps more than the platform accepts: export the questions in smaller banks</source>
        <translation>le fichier fait %1 Mo avec ses images, plus que les 16 Mo qu&apos;une importation lit ici et peut-être plus que ce qu&apos;accepte la plateforme : exportez les questions en banques plus petites</translation>
    </message>
    <message>
        <source>GIFT holds no pictures: the picture &apos;%1&apos; was left out (export to Moodle XML)</source>
        <translation>le format GIFT ne contient pas d&apos;images : l&apos;image « %1 » a été écartée (exportez en Moodle XML)</translation>
    </message>
</context>
<context>
    <name>ItemAnalysisScreen</name>
    <message>
        <source>Item analysis</source>
        <translation>Analyse des questions</translation>
    </message>
    <message>
        <source>Module to analyse</source>
        <translation>Module à analyser</translation>
    </message>
    <message>
        <source>&amp;Module:</source>
        <translation>&amp;Module :</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Enregistrer en &amp;CSV…</translation>
    </message>
    <message>
        <source>Save the item statistics as CSV</source>
        <translation>Enregistrer les statistiques des questions en CSV</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Énoncé</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Indice de facilité</translation>
    </message>
    <message>
        <source>Discrimination (27 %)</source>
        <translation>Discrimination (27 %)</translation>
    </message>
    <message>
        <source>Point-biserial</source>
        <translation>Point-bisériale</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Questions of the module</source>
        <translation>Questions du module</translation>
    </message>
    <message>
        <source>How often each answer was chosen</source>
        <translation>Fréquence de choix de chaque réponse</translation>
    </message>
    <message>
        <source>Histogram of exam scores</source>
        <translation>Histogramme des notes d&apos;examen</translation>
    </message>
    <message>
        <source>negative discrimination</source>
        <translation>discrimination négative</translation>
    </message>
    <message>
        <source>too easy</source>
        <translation>trop facile</translation>
    </message>
    <message>
        <source>too hard</source>
        <translation>trop difficile</translation>
    </message>
    <message>
        <source>Analysing the answers…</source>
        <translation>Analyse des réponses…</translation>
    </message>
    <message>
        <source>reliability cannot be computed yet</source>
        <translation>la fidélité ne peut pas encore être calculée</translation>
    </message>
    <message>
        <source>KR-20 %1</source>
        <translation>KR-20 %1</translation>
    </message>
    <message>
        <source>Cronbach&apos;s alpha %1</source>
        <translation>alpha de Cronbach %1</translation>
    </message>
    <message>
        <source>(%1 attempts with the same %2 questions)</source>
        <translation>(%1 tentatives portant sur les mêmes %2 questions)</translation>
    </message>
    <message>
        <source>Finished exam attempts: %1; mean score %2; %3.</source>
        <translation>Examens terminés : %1 ; note moyenne %2 ; %3.</translation>
    </message>
    <message>
        <source>⚠ Fewer than %1 attempts: treat these figures as a first indication only.</source>
        <translation>⚠ Moins de %1 tentatives : ces chiffres ne donnent qu&apos;une première indication.</translation>
    </message>
    <message>
        <source>Exam scores (%)</source>
        <translation>Notes d&apos;examen (%)</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>No exam has been taken yet.</source>
        <translation>Aucun examen n&apos;a encore été passé.</translation>
    </message>
    <message>
        <source>No answer options to count for this kind of question.</source>
        <translation>Ce type de question n&apos;a pas de choix de réponse à dénombrer.</translation>
    </message>
    <message>
        <source> (right answer)</source>
        <translation> (bonne réponse)</translation>
    </message>
    <message>
        <source>Typed “%1”</source>
        <translation>Saisi « %1 »</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Vrai</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Faux</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>Sans réponse : %1</translation>
    </message>
    <message>
        <source>Save the item statistics</source>
        <translation>Enregistrer les statistiques des questions</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Police</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Prosecution service</source>
        <translation>Parquet (ministère public)</translation>
    </message>
    <message>
        <source>Judiciary</source>
        <translation>Magistrature du siège</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>trainee</source>
        <translation>apprenant</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>formateur</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>coordonnateur</translation>
    </message>
    <message>
        <source>Police officers</source>
        <translation>Officiers de police</translation>
    </message>
    <message>
        <source>Prosecutors</source>
        <translation>Magistrats du parquet</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>Juges</translation>
    </message>
    <message>
        <source>Trafficking indicators</source>
        <translation>Indicateurs de la traite</translation>
    </message>
    <message>
        <source>Referral and protection</source>
        <translation>Orientation et protection</translation>
    </message>
    <message>
        <source>Legal standards</source>
        <translation>Normes juridiques</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Choix unique</translation>
    </message>
    <message>
        <source>Multiple response</source>
        <translation>Réponses multiples</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>Vrai ou faux</translation>
    </message>
    <message>
        <source>Ordering</source>
        <translation>Mise en ordre</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Case study</source>
        <translation>Cas pratique</translation>
    </message>
    <message>
        <source>Short answer</source>
        <translation>Réponse courte</translation>
    </message>
    <message>
        <source>Numerical</source>
        <translation>Numérique</translation>
    </message>
    <message>
        <source>Please enter a name.</source>
        <translation>Veuillez saisir un nom.</translation>
    </message>
    <message>
        <source>A name may be at most 200 characters.</source>
        <translation>Un nom peut compter au plus 200 caractères.</translation>
    </message>
    <message>
        <source>The name contains control or invisible characters: %1</source>
        <translation>Le nom contient des caractères de contrôle ou invisibles : %1</translation>
    </message>
    <message>
        <source>The name contains no letter.</source>
        <translation>Le nom ne contient aucune lettre.</translation>
    </message>
    <message>
        <source>Names in right-to-left scripts (Arabic, Hebrew) cannot be printed on a certificate yet: please write the name in Latin letters.</source>
        <translation>Les noms en écriture de droite à gauche (arabe, hébreu) ne peuvent pas encore être imprimés sur une attestation : veuillez écrire le nom en lettres latines.</translation>
    </message>
    <message>
        <source>The certificate cannot print these characters: %1. Please write the name in Latin, Greek or Cyrillic letters.</source>
        <translation>L’attestation ne peut pas imprimer ces caractères : %1. Veuillez écrire le nom en lettres latines, grecques ou cyrilliques.</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Compte créé</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>Compte désactivé</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>Compte réactivé</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>Compte bloqué</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Mot de passe réinitialisé</translation>
    </message>
    <message>
        <source>Staff signed in</source>
        <translation>Connexion du personnel</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Échec de connexion</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <source>Staff signed out</source>
        <translation>Déconnexion du personnel</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>Journal d&apos;audit exporté</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Sauvegarde effectuée</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <source>Question bank disabled</source>
        <translation>Banque de questions désactivée</translation>
    </message>
    <message>
        <source>Question bank enabled</source>
        <translation>Banque de questions réactivée</translation>
    </message>
    <message>
        <source>Bank draft saved</source>
        <translation>Projet de banque enregistré</translation>
    </message>
    <message>
        <source>Question bank exported</source>
        <translation>Banque de questions exportée</translation>
    </message>
    <message>
        <source>Question bank imported</source>
        <translation>Banque de questions importée</translation>
    </message>
    <message>
        <source>Results bundle exported</source>
        <translation>Lot de résultats exporté</translation>
    </message>
    <message>
        <source>Results bundle imported</source>
        <translation>Lot de résultats importé</translation>
    </message>
    <message>
        <source>Results bundle refused</source>
        <translation>Lot de résultats refusé</translation>
    </message>
    <message>
        <source>Connected to the central database</source>
        <translation>Connecté à la base de données centrale</translation>
    </message>
    <message>
        <source>Disconnected from the central database</source>
        <translation>Déconnecté de la base de données centrale</translation>
    </message>
    <message>
        <source>Staff accounts published centrally</source>
        <translation>Comptes du personnel publiés sur la base centrale</translation>
    </message>
    <message>
        <source>Question bank published centrally</source>
        <translation>Banque de questions publiée sur la base centrale</translation>
    </message>
    <message>
        <source>Records refused by the central database sent again</source>
        <translation>Enregistrements refusés par la base centrale renvoyés</translation>
    </message>
    <message>
        <source>Certificates generated in batch</source>
        <translation>Certificats générés par lot</translation>
    </message>
    <message>
        <source>Certificate register exported</source>
        <translation>Registre des certificats exporté</translation>
    </message>
    <message>
        <source>Revocations exported</source>
        <translation>Révocations exportées</translation>
    </message>
    <message>
        <source>Revocations imported</source>
        <translation>Révocations importées</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>Certificat délivré</translation>
    </message>
    <message>
        <source>Certificate saved as PDF</source>
        <translation>Certificat enregistré en PDF</translation>
    </message>
    <message>
        <source>Programme certificate issued</source>
        <translation>Certificat de programme délivré</translation>
    </message>
    <message>
        <source>Certificate revoked</source>
        <translation>Certificat révoqué</translation>
    </message>
    <message>
        <source>Certificate settings changed</source>
        <translation>Paramètres des certificats modifiés</translation>
    </message>
    <message>
        <source>Public key exported</source>
        <translation>Clé publique exportée</translation>
    </message>
    <message>
        <source>Trusted key imported</source>
        <translation>Clé de confiance importée</translation>
    </message>
    <message>
        <source>Trusted key removed</source>
        <translation>Clé de confiance retirée</translation>
    </message>
    <message>
        <source>Workstation key trusted</source>
        <translation>Clé d&apos;un poste reconnue</translation>
    </message>
    <message>
        <source>Results exported</source>
        <translation>Résultats exportés</translation>
    </message>
    <message>
        <source>Item analysis exported</source>
        <translation>Analyse des questions exportée</translation>
    </message>
    <message>
        <source>Programme summary exported</source>
        <translation>Bilan du programme exporté</translation>
    </message>
    <message>
        <source>Trainee transcript saved</source>
        <translation>Relevé de l&apos;apprenant enregistré</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Paramètres modifiés</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TiP Trainer — anti-trafficking training</source>
        <translation>TiP Trainer — formation à la lutte contre la traite</translation>
    </message>
    <message>
        <source>No trainee selected</source>
        <translation>Aucun apprenant sélectionné</translation>
    </message>
    <message>
        <source>Trainee: %1</source>
        <translation>Apprenant : %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Texte plus &amp;grand</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>Texte plus &amp;petit</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>Taille de texte &amp;normale</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>Contraste é&amp;levé</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>&amp;Personnel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d&apos;utilisation</translation>
    </message>
    <message>
        <source>Coordinator &amp;tour</source>
        <translation>&amp;Visite guidée du coordonnateur</translation>
    </message>
    <message>
        <source>&amp;About TiP Trainer</source>
        <translation>À &amp;propos de TiP Trainer</translation>
    </message>
    <message>
        <source>Certificate saved</source>
        <translation>Attestation enregistrée</translation>
    </message>
    <message>
        <source>Your certificate %1 was saved to:
%2</source>
        <translation>Votre attestation %1 a été enregistrée dans :
%2</translation>
    </message>
    <message>
        <source>This module is no longer available.</source>
        <translation>Ce module n&apos;est plus disponible.</translation>
    </message>
    <message>
        <source>Quiz in progress</source>
        <translation>Questionnaire en cours</translation>
    </message>
    <message>
        <source>Finish or leave the quiz before opening staff tools.</source>
        <translation>Terminez ou quittez le questionnaire avant d&apos;ouvrir les outils du personnel.</translation>
    </message>
</context>
<context>
    <name>MatchingInput</name>
    <message>
        <source>For each item, choose the matching answer.</source>
        <translation>Pour chaque élément, choisissez la réponse correspondante.</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
</context>
<context>
    <name>ModuleCard</name>
    <message>
        <source>Best score: %1 (pass mark %2 %)</source>
        <translation>Meilleure note : %1 (seuil de réussite %2 %)</translation>
    </message>
    <message>
        <source>Best score of %1</source>
        <translation>Meilleure note de %1</translation>
    </message>
    <message>
        <source>%1. %2. %3. Status: %4. Best score: %5.</source>
        <translation>%1. %2. %3. Statut : %4. Meilleure note : %5.</translation>
    </message>
</context>
<context>
    <name>ModulesScreen</name>
    <message>
        <source>Modules for %1</source>
        <translation>Modules de %1</translation>
    </message>
    <message>
        <source>Track: %1</source>
        <translation>Parcours : %1</translation>
    </message>
    <message>
        <source>Track: all modules</source>
        <translation>Parcours : tous les modules</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation>&amp;S&apos;entraîner</translation>
    </message>
    <message>
        <source>Practise the selected module</source>
        <translation>S&apos;entraîner sur le module sélectionné</translation>
    </message>
    <message>
        <source>Answer at your own pace, with feedback after each answer</source>
        <translation>Répondez à votre rythme, avec une correction après chaque réponse</translation>
    </message>
    <message>
        <source>Take the &amp;exam</source>
        <translation>Passer l&apos;e&amp;xamen</translation>
    </message>
    <message>
        <source>Take the exam of the selected module</source>
        <translation>Passer l&apos;examen du module sélectionné</translation>
    </message>
    <message>
        <source>M&amp;y history</source>
        <translation>Mon &amp;historique</translation>
    </message>
    <message>
        <source>S&amp;witch trainee</source>
        <translation>&amp;Changer d&apos;apprenant</translation>
    </message>
    <message numerus="yes">
        <source>exam: %n questions, %1 min</source>
        <translation>
            <numerusform>examen : %n question, %1 min</numerusform>
            <numerusform>examen : %n questions, %1 min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>exam: %n questions</source>
        <translation>
            <numerusform>examen : %n question</numerusform>
            <numerusform>examen : %n questions</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>My attempt history</source>
        <translation>Historique de mes tentatives</translation>
    </message>
    <message>
        <source>Arrow keys choose a module; Enter starts a practice</source>
        <translation>Les flèches choisissent un module ; Entrée lance un entraînement</translation>
    </message>
    <message>
        <source>Switch to another trainee profile</source>
        <translation>Passer à un autre profil d&apos;apprenant</translation>
    </message>
    <message>
        <source>Take the session pre-&amp;test: %1</source>
        <translation>Passer le &amp;test initial de la session : %1</translation>
    </message>
    <message>
        <source>Take the session post-&amp;test: %1</source>
        <translation>Passer le &amp;test final de la session : %1</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Practised</source>
        <translation>Entraînement fait</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Non commencé</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message>
        <source>No module is available for your track yet. Ask your trainer to load the question banks.</source>
        <translation>Aucun module n&apos;est encore disponible pour votre parcours. Demandez à votre formateur de charger les banques de questions.</translation>
    </message>
    <message>
        <source>Pass mark %1 %. Training hours: %2.</source>
        <translation>Seuil de réussite : %1 %. Heures de formation : %2.</translation>
    </message>
    <message>
        <source>Law as of %1 (version %2).</source>
        <translation>Droit à jour au %1 (version %2).</translation>
    </message>
</context>
<context>
    <name>NavigatorWidget</name>
    <message>
        <source>Question navigator</source>
        <translation>Navigation entre les questions</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>répondue</translation>
    </message>
    <message>
        <source>partly answered</source>
        <translation>partiellement répondue</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <source>flagged for review</source>
        <translation>marquée pour relecture</translation>
    </message>
    <message>
        <source>current</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Question %1</translation>
    </message>
</context>
<context>
    <name>NetworkScreen</name>
    <message>
        <source>Central database</source>
        <translation>Base centrale</translation>
    </message>
    <message>
        <source>Joined to a central PostgreSQL database, this workstation sends its results there in the background and the coordinator&apos;s reports can cover every workstation. Exams never wait for the network: every answer is saved here first. The server&apos;s administrator gives the user name and password of this workstation (python -m trainer central add-workstation).</source>
        <translation>Reliée à une base centrale PostgreSQL, cette station y envoie ses résultats en arrière-plan et les rapports du coordinateur peuvent couvrir toutes les stations. Les examens n’attendent jamais le réseau : chaque réponse est d’abord enregistrée ici. L’administrateur du serveur donne le nom d’utilisateur et le mot de passe de cette station (python -m trainer central add-workstation).</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>This workstation&apos;s id: %1</source>
        <translation>Identifiant de cette station : %1</translation>
    </message>
    <message>
        <source>This workstation&apos;s id</source>
        <translation>Identifiant de cette station</translation>
    </message>
    <message>
        <source>Server name or address</source>
        <translation>Nom ou adresse du serveur</translation>
    </message>
    <message>
        <source>for example db.training.local</source>
        <translation>par exemple db.formation.local</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Nom de la base</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Chan&amp;ge password</source>
        <translation>Chan&amp;ger le mot de passe</translation>
    </message>
    <message>
        <source>Type a new password</source>
        <translation>Saisir un nouveau mot de passe</translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation>Connexion sécurisée (TLS)</translation>
    </message>
    <message>
        <source>Off (a closed network only)</source>
        <translation>Désactivée (réseau fermé seulement)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Exigée</translation>
    </message>
    <message>
        <source>Required, and the server&apos;s certificate checked</source>
        <translation>Exigée, et le certificat du serveur vérifié</translation>
    </message>
    <message>
        <source>Certificate authority file</source>
        <translation>Fichier de l’autorité de certification</translation>
    </message>
    <message>
        <source>the CA certificate that signed the server&apos;s</source>
        <translation>le certificat de l’AC qui a signé celui du serveur</translation>
    </message>
    <message>
        <source>Choose C&amp;A file…</source>
        <translation>Choisir le fic&amp;hier d’AC…</translation>
    </message>
    <message>
        <source>Choose the certificate authority file</source>
        <translation>Choisir le fichier de l’autorité de certification</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rveur :</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort :</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS :</translation>
    </message>
    <message>
        <source>&amp;Certificate authority:</source>
        <translation>Autorité de &amp;certification :</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>Te&amp;ster la connexion</translation>
    </message>
    <message>
        <source>Test the connection to the central database</source>
        <translation>Tester la connexion à la base centrale</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>Re&amp;joindre</translation>
    </message>
    <message>
        <source>Save and join the central database</source>
        <translation>Enregistrer et rejoindre la base centrale</translation>
    </message>
    <message>
        <source>D&amp;isconnect</source>
        <translation>Décon&amp;necter</translation>
    </message>
    <message>
        <source>Disconnect from the central database</source>
        <translation>Se déconnecter de la base centrale</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Résultat du test de connexion</translation>
    </message>
    <message>
        <source>Records held back by the central database</source>
        <translation>Enregistrements retenus par la base centrale</translation>
    </message>
    <message>
        <source>Show held-&amp;back records…</source>
        <translation>&amp;Voir les enregistrements retenus…</translation>
    </message>
    <message>
        <source>List the records the central database refused, and send them again</source>
        <translation>Lister les enregistrements refusés par la base centrale et les renvoyer</translation>
    </message>
    <message>
        <source>saved — choose Change password to type a new one</source>
        <translation>enregistré — choisissez Changer le mot de passe pour en saisir un nouveau</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) held back by the central database</source>
        <translation>
            <numerusform>%n enregistrement retenu par la base centrale</numerusform>
            <numerusform>%n enregistrements retenus par la base centrale</numerusform>
        </translation>
    </message>
    <message>
        <source>No record held back by the central database.</source>
        <translation>Aucun enregistrement retenu par la base centrale.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) will be sent with the next sync.</source>
        <translation>
            <numerusform>%n enregistrement sera envoyé à la prochaine synchronisation.</numerusform>
            <numerusform>%n enregistrements seront envoyés à la prochaine synchronisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>This workstation is not joined to a central database.</source>
        <translation>Cette station n’est reliée à aucune base centrale.</translation>
    </message>
    <message>
        <source>Joined to %1</source>
        <translation>Reliée à %1</translation>
    </message>
    <message>
        <source>The certificate authority of the central database</source>
        <translation>L’autorité de certification de la base centrale</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>the new password</source>
        <translation>le nouveau mot de passe</translation>
    </message>
    <message>
        <source>Choose the certificate authority file that signed the server&apos;s.</source>
        <translation>Choisissez le fichier de l’autorité de certification qui a signé celui du serveur.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
    <message>
        <source>The connection works: PostgreSQL %1, central schema version %2.</source>
        <translation>La connexion fonctionne : PostgreSQL %1, schéma central version %2.</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>La connexion a échoué : %1</translation>
    </message>
    <message>
        <source>Connecting to the central database…</source>
        <translation>Connexion à la base centrale…</translation>
    </message>
    <message>
        <source>Joined as station %1. Results are sent in the background; the status bar tells when.</source>
        <translation>Reliée comme station %1. Les résultats sont envoyés en arrière-plan ; la barre d’état indique quand.</translation>
    </message>
    <message>
        <source>Not joined: %1</source>
        <translation>Non reliée : %1</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Stop sending results to the central database? Everything recorded here stays here, and the workstation can join again later.</source>
        <translation>Cesser d’envoyer les résultats à la base centrale ? Tout ce qui est enregistré ici reste ici, et la station pourra la rejoindre plus tard.</translation>
    </message>
    <message>
        <source>Disconnected. Results stay on this workstation.</source>
        <translation>Déconnectée. Les résultats restent sur cette station.</translation>
    </message>
</context>
<context>
    <name>NumericalInput</name>
    <message>
        <source>Type a number, then its unit (%1). Use a comma or a point for decimals.</source>
        <translation>Saisissez un nombre, puis son unité (%1). Utilisez une virgule ou un point pour les décimales.</translation>
    </message>
    <message>
        <source>Type a number. Use a comma or a point for decimals (1,5 or 1.5).</source>
        <translation>Saisissez un nombre. Utilisez une virgule ou un point pour les décimales (1,5 ou 1.5).</translation>
    </message>
    <message>
        <source>“%1” is not a number: type digits, with a comma or a point before the decimals (for example 1,5). It is not saved as an answer.</source>
        <translation>« %1 » n&apos;est pas un nombre : saisissez des chiffres, avec une virgule ou un point avant les décimales (par exemple 1,5). Ce n&apos;est pas enregistré comme réponse.</translation>
    </message>
    <message>
        <source>Type the number alone, with no unit or words after it. It is not saved as an answer.</source>
        <translation>Saisissez le nombre seul, sans unité ni mots après lui. Ce n&apos;est pas enregistré comme réponse.</translation>
    </message>
    <message>
        <source>Unknown unit: use one of %1. It is not saved as an answer.</source>
        <translation>Unité inconnue : utilisez l&apos;une de celles-ci : %1. Ce n&apos;est pas enregistré comme réponse.</translation>
    </message>
    <message>
        <source>Read as %1 %2.</source>
        <translation>Lu comme %1 %2.</translation>
    </message>
    <message>
        <source>Read as %1. Add the unit (%2): without it the answer loses %3 % of its credit.</source>
        <translation>Lu comme %1. Ajoutez l&apos;unité (%2) : sans elle, la réponse perd %3 % de son crédit.</translation>
    </message>
    <message>
        <source>Read as %1.</source>
        <translation>Lu comme %1.</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Veuillez patienter</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>OrderingInput</name>
    <message>
        <source>Put the steps in the right order, first at the top. Select a step and use Move up / Move down (Alt+Up / Alt+Down), or drag it.</source>
        <translation>Remettez les étapes dans le bon ordre, la première en haut. Sélectionnez une étape et utilisez Monter / Descendre (Alt+Haut / Alt+Bas), ou faites-la glisser.</translation>
    </message>
    <message>
        <source>Steps to put in order</source>
        <translation>Étapes à remettre dans l&apos;ordre</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>Move the selected step up</source>
        <translation>Monter l&apos;étape sélectionnée</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <source>Move the selected step down</source>
        <translation>Descendre l&apos;étape sélectionnée</translation>
    </message>
</context>
<context>
    <name>PictureView</name>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>View picture full size</source>
        <translation>Voir l&apos;image en grand</translation>
    </message>
    <message>
        <source>View the picture full size</source>
        <translation>Voir l&apos;image en taille réelle</translation>
    </message>
    <message>
        <source>[Picture not available: %1]</source>
        <translation>[Image non disponible : %1]</translation>
    </message>
</context>
<context>
    <name>PictureZoomDialog</name>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Picture, full size</source>
        <translation>Image en taille réelle</translation>
    </message>
    <message>
        <source>What the picture shows</source>
        <translation>Ce que montre l&apos;image</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>Niveau d&apos;agrandissement</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Agrandir</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation>Agrandir (Ctrl+=)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Réduire</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Réduire (Ctrl+-)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>Actual size (Ctrl+0)</source>
        <translation>Taille réelle (Ctrl+0)</translation>
    </message>
    <message>
        <source>Close the picture</source>
        <translation>Fermer l&apos;image</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>PreTestDoneScreen</name>
    <message>
        <source>Pre-test recorded</source>
        <translation>Test initial enregistré</translation>
    </message>
    <message>
        <source>Thank you: your answers are saved. The pre-test shows no score and no answers; it tells your trainers where to start. You will take the post-test at the end of the session.</source>
        <translation>Merci : vos réponses sont enregistrées. Le test initial n’affiche ni note ni réponses ; il indique à vos formateurs par où commencer. Vous passerez le test final à la fin de la session.</translation>
    </message>
    <message>
        <source>&amp;Back to my modules</source>
        <translation>&amp;Retour à mes modules</translation>
    </message>
    <message>
        <source>Back to my modules</source>
        <translation>Retour à mes modules</translation>
    </message>
</context>
<context>
    <name>ProgrammeSummaryScreen</name>
    <message>
        <source>Programme summary</source>
        <translation>Bilan du programme</translation>
    </message>
    <message>
        <source>An official is counted as trained for each group in which they finished an exam, and as passed when at least one of those exams was passed.</source>
        <translation>Un agent est compté comme formé dans chaque groupe où il a terminé un examen, et comme admis lorsqu&apos;il a réussi au moins l&apos;un de ces examens.</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>Péri&amp;ode</translation>
    </message>
    <message>
        <source>&amp;Institution</source>
        <translation>&amp;Institution</translation>
    </message>
    <message>
        <source>&amp;Module</source>
        <translation>&amp;Module</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>&amp;Genre</translation>
    </message>
    <message>
        <source>P&amp;rovince</source>
        <translation>P&amp;rovince</translation>
    </message>
    <message>
        <source>Training sessio&amp;n</source>
        <translation>&amp;Session de formation</translation>
    </message>
    <message>
        <source>&amp;Audience track</source>
        <translation>Pu&amp;blic cible</translation>
    </message>
    <message>
        <source>Function or ran&amp;k</source>
        <translation>Fonc&amp;tion ou grade</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>Regrouper par :</translation>
    </message>
    <message>
        <source>Length of a period</source>
        <translation>Durée d&apos;une période</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Peri&amp;ods of:</source>
        <translation>Pério&amp;des :</translation>
    </message>
    <message>
        <source>Officials trained and passed</source>
        <translation>Agents formés et admis</translation>
    </message>
    <message>
        <source>Chart of officials trained and passed</source>
        <translation>Graphique des agents formés et admis</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>E&amp;nregistrer en PDF…</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Enregistrer en &amp;CSV…</translation>
    </message>
    <message>
        <source>Annual fig&amp;ures…</source>
        <translation>Chiffres annue&amp;ls…</translation>
    </message>
    <message>
        <source>Export the annual figures: officials trained per service, province, gender and month</source>
        <translation>Exporter les chiffres annuels : agents formés par service, province, sexe et mois</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Training session</source>
        <translation>Session de formation</translation>
    </message>
    <message>
        <source>Audience track</source>
        <translation>Public cible</translation>
    </message>
    <message>
        <source>Function or rank</source>
        <translation>Fonction ou grade</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Formés</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Admis</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Taux de réussite</translation>
    </message>
    <message>
        <source>Exam attempts</source>
        <translation>Examens passés</translation>
    </message>
    <message>
        <source>Training hours</source>
        <translation>Heures de formation</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Reading the central database…</source>
        <translation>Lecture de la base centrale…</translation>
    </message>
    <message>
        <source>Officials trained and passed in the anti-trafficking training.</source>
        <translation>Agents formés et admis à la formation sur la lutte contre la traite des personnes.</translation>
    </message>
    <message>
        <source>Save the summary</source>
        <translation>Enregistrer le bilan</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the annual figures of %1</source>
        <translation>Enregistrer les chiffres annuels de %1</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Classeurs Excel (*.xlsx);;Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Annual figures</source>
        <translation>Chiffres annuels</translation>
    </message>
    <message>
        <source>The figures of %1 were saved to:
%2</source>
        <translation>Les chiffres de %1 ont été enregistrés dans :
%2</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ProgrammesDialog</name>
    <message>
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Programmes defined</source>
        <translation>Programmes définis</translation>
    </message>
    <message>
        <source>Programme name</source>
        <translation>Nom du programme</translation>
    </message>
    <message>
        <source>Training hours (0: the modules&apos; sum)</source>
        <translation>Heures de formation (0 : somme des modules)</translation>
    </message>
    <message>
        <source>Modules of the programme</source>
        <translation>Modules du programme</translation>
    </message>
    <message>
        <source>&amp;Programme:</source>
        <translation>&amp;Programme :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Training &amp;hours:</source>
        <translation>&amp;Heures de formation :</translation>
    </message>
    <message>
        <source>&amp;Modules:</source>
        <translation>&amp;Modules :</translation>
    </message>
    <message>
        <source>&amp;Save programme</source>
        <translation>&amp;Enregistrer le programme</translation>
    </message>
    <message>
        <source>Save the programme</source>
        <translation>Enregistrer le programme</translation>
    </message>
    <message>
        <source>&amp;Issue certificates</source>
        <translation>&amp;Délivrer les attestations</translation>
    </message>
    <message>
        <source>Issue programme certificates to everyone who passed all its modules</source>
        <translation>Délivrer l’attestation du programme à tous ceux qui en ont réussi tous les modules</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>Nouveau programme</translation>
    </message>
    <message numerus="yes">
        <source>%n trainee(s) hold a certificate for this programme.</source>
        <translation>
            <numerusform>%n apprenant détient une attestation pour ce programme.</numerusform>
            <numerusform>%n apprenants détiennent une attestation pour ce programme.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuizScreen</name>
    <message>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Time remaining</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>✓ answered   ⚑ flagged</source>
        <translation>✓ répondue   ⚑ marquée</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>État de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>← &amp;Previous</source>
        <translation>← Pré&amp;cédente</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Question précédente</translation>
    </message>
    <message>
        <source>&amp;Next →</source>
        <translation>&amp;Suivante →</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Question suivante</translation>
    </message>
    <message>
        <source>Flag this question for review</source>
        <translation>Marquer cette question pour relecture</translation>
    </message>
    <message>
        <source>&amp;Check answer</source>
        <translation>Vér&amp;ifier la réponse</translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>Vérifier ma réponse</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Try this question again</source>
        <translation>Réessayer cette question</translation>
    </message>
    <message>
        <source>Submit the exam</source>
        <translation>Remettre l&apos;examen</translation>
    </message>
    <message>
        <source>Unfinished exam</source>
        <translation>Examen inachevé</translation>
    </message>
    <message>
        <source>Unfinished practice</source>
        <translation>Entraînement inachevé</translation>
    </message>
    <message>
        <source>%1 has an unfinished exam: “%2”.</source>
        <translation>%1 a un examen inachevé&#xa0;: «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>%1 has an unfinished practice session: “%2”.</source>
        <translation>%1 a un entraînement inachevé&#xa0;: «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Questions answered: %1 of %2.</source>
        <translation>Questions répondues : %1 sur %2.</translation>
    </message>
    <message>
        <source>Time left: %1 (the clock runs while the exam is open).</source>
        <translation>Temps restant : %1 (le temps s&apos;écoule tant que l&apos;examen est ouvert).</translation>
    </message>
    <message>
        <source>If you are not %1, choose Continue later: the attempt stays as it is.</source>
        <translation>Si vous n&apos;êtes pas %1, choisissez Continuer plus tard : la tentative reste telle quelle.</translation>
    </message>
    <message>
        <source>&amp;Resume now</source>
        <translation>&amp;Reprendre maintenant</translation>
    </message>
    <message>
        <source>Continue &amp;later</source>
        <translation>Continuer plus &amp;tard</translation>
    </message>
    <message>
        <source>&amp;Submit now…</source>
        <translation>Re&amp;mettre maintenant…</translation>
    </message>
    <message>
        <source>Resume the attempt now</source>
        <translation>Reprendre la tentative maintenant</translation>
    </message>
    <message>
        <source>Continue later, leaving the attempt as it is</source>
        <translation>Continuer plus tard, en laissant la tentative telle quelle</translation>
    </message>
    <message>
        <source>Submit the attempt as it stands (asks again)</source>
        <translation>Remettre la tentative en l&apos;état (confirmation demandée)</translation>
    </message>
    <message>
        <source>Finish practice</source>
        <translation>Terminer l&apos;entraînement</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Fla&amp;g for review</source>
        <translation>Marquer pour re&amp;lecture</translation>
    </message>
    <message>
        <source>F&amp;inish…</source>
        <translation>&amp;Terminer…</translation>
    </message>
    <message>
        <source>&amp;Leave and continue later</source>
        <translation>&amp;Quitter et reprendre plus tard</translation>
    </message>
    <message>
        <source>Leave and continue later</source>
        <translation>Quitter et reprendre plus tard</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Question %1 sur %2</translation>
    </message>
    <message>
        <source>Question text</source>
        <translation>Énoncé de la question</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>✓ Saved</source>
        <translation>✓ Enregistré</translation>
    </message>
    <message>
        <source>✗ Not saved: your last change was not recorded. The answer shown is the saved one.</source>
        <translation>✗ Non enregistré : votre dernière modification n&apos;a pas été enregistrée. La réponse affichée est celle qui est enregistrée.</translation>
    </message>
    <message>
        <source>You have answered %1 of %2 questions.</source>
        <translation>Vous avez répondu à %1 questions sur %2.</translation>
    </message>
    <message>
        <source>Not answered: %1</source>
        <translation>Sans réponse : %1</translation>
    </message>
    <message>
        <source>Flagged for review: %1</source>
        <translation>Marquées pour relecture : %1</translation>
    </message>
    <message>
        <source>Once submitted, answers can no longer be changed. Submit now?</source>
        <translation>Une fois l&apos;examen remis, les réponses ne peuvent plus être modifiées. Remettre maintenant ?</translation>
    </message>
    <message>
        <source>Finish this practice session now?</source>
        <translation>Terminer cette séance d&apos;entraînement maintenant ?</translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation>Temps écoulé</translation>
    </message>
    <message>
        <source>The time for this exam is over. Your answers have been submitted.</source>
        <translation>Le temps imparti pour cet examen est écoulé. Vos réponses ont été remises.</translation>
    </message>
    <message>
        <source>Time left: %1</source>
        <translation>Temps restant : %1</translation>
    </message>
    <message>
        <source>Five minutes left. Unanswered questions score nothing; your answers are submitted when time runs out.</source>
        <translation>Plus que cinq minutes. Les questions sans réponse ne rapportent aucun point ; vos réponses seront remises automatiquement à la fin du temps.</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Save my certificate</source>
        <translation>Enregistrer mon attestation</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exam result</source>
        <translation>Résultat de l&apos;examen</translation>
    </message>
    <message>
        <source>Practice result</source>
        <translation>Résultat de l&apos;entraînement</translation>
    </message>
    <message>
        <source>%1: %2 out of %3 (%4 %)</source>
        <translation>%1 : %2 sur %3 (%4 %)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Passed — the pass mark is %1 %.</source>
        <translation>Réussi — le seuil de réussite est de %1 %.</translation>
    </message>
    <message>
        <source>Not passed — the pass mark is %1 %.</source>
        <translation>Non réussi — le seuil de réussite est de %1 %.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Score by topic</source>
        <translation>Note par thème</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Review of each question</source>
        <translation>Revue de chaque question</translation>
    </message>
    <message>
        <source>&amp;Back to my modules</source>
        <translation>&amp;Retour à mes modules</translation>
    </message>
    <message>
        <source>Back to my modules</source>
        <translation>Retour à mes modules</translation>
    </message>
    <message>
        <source>&amp;Retry the questions I got wrong</source>
        <translation>Refaire les &amp;questions manquées</translation>
    </message>
    <message>
        <source>Retry the questions I got wrong</source>
        <translation>Refaire les questions manquées</translation>
    </message>
    <message>
        <source>Save my &amp;certificate (PDF)…</source>
        <translation>Enregistrer mon &amp;attestation (PDF)…</translation>
    </message>
    <message>
        <source>Save my certificate as a PDF file</source>
        <translation>Enregistrer mon attestation dans un fichier PDF</translation>
    </message>
    <message>
        <source>Certificate %1 has been issued for this module.</source>
        <translation>L&apos;attestation %1 a été délivrée pour ce module.</translation>
    </message>
    <message>
        <source>This exam shows only your score and your results by topic.</source>
        <translation>Cet examen n&apos;affiche que votre note et vos résultats par thème.</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Question %1</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Pre-test</source>
        <translation>Test initial</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Entraînement</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Reading the central database…</source>
        <translation>Lecture de la base centrale…</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste de travail</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Practised</source>
        <translation>Entraînement fait</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>Non pris en compte</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Non réussi</translation>
    </message>
</context>
<context>
    <name>ResultsScreen</name>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Trainee name or service number</source>
        <translation>Nom ou matricule de l&apos;apprenant</translation>
    </message>
    <message>
        <source>Name or service number</source>
        <translation>Nom ou matricule</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>All modules</source>
        <translation>Tous les modules</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>All audiences</source>
        <translation>Tous les publics</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>All institutions</source>
        <translation>Toutes les institutions</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>Tous les résultats</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Non réussi</translation>
    </message>
    <message>
        <source>Kind of attempt</source>
        <translation>Type de tentative</translation>
    </message>
    <message>
        <source>Exams and practice</source>
        <translation>Examens et entraînements</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste de travail</translation>
    </message>
    <message>
        <source>All workstations</source>
        <translation>Tous les postes</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>T&amp;rainee:</source>
        <translation>Appre&amp;nant :</translation>
    </message>
    <message>
        <source>&amp;Module:</source>
        <translation>&amp;Module :</translation>
    </message>
    <message>
        <source>A&amp;udience:</source>
        <translation>Pu&amp;blic :</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Institution :</translation>
    </message>
    <message>
        <source>R&amp;esult:</source>
        <translation>R&amp;ésultat :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Workstation:</source>
        <translation>P&amp;oste :</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>A&amp;u :</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>Page pré&amp;cédente</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Page &amp;suivante</translation>
    </message>
    <message>
        <source>Trainee trans&amp;cript (PDF)…</source>
        <translation>&amp;Relevé de l&apos;apprenant (PDF)…</translation>
    </message>
    <message>
        <source>Save the selected trainee&apos;s transcript as PDF</source>
        <translation>Enregistrer en PDF le relevé de l&apos;apprenant sélectionné</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Export the filtered results</source>
        <translation>Exporter les résultats filtrés</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Toute date</translation>
    </message>
    <message>
        <source>No attempts match</source>
        <translation>Aucune tentative ne correspond</translation>
    </message>
    <message>
        <source>Attempts %1–%2 of %3</source>
        <translation>Tentatives %1 à %2 sur %3</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Relevé</translation>
    </message>
    <message>
        <source>Select an attempt of the trainee first.</source>
        <translation>Sélectionnez d&apos;abord une tentative de l&apos;apprenant.</translation>
    </message>
    <message>
        <source>Save the transcript</source>
        <translation>Enregistrer le relevé</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Practised</source>
        <translation>Entraînement fait</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>Non pris en compte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Service number</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Training transcript</source>
        <translation>Relevé de formation</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Attestations</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Délivré le</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoquée</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Exporter les résultats</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;Excel workbooks (*.xlsx);;JSON files (*.json)</source>
        <translation>Fichiers CSV (*.csv);;Classeurs Excel (*.xlsx);;Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1 lignes écrites dans %2</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportation de %1…</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>Votre réponse :</translation>
    </message>
    <message>
        <source>Right answer:</source>
        <translation>Bonne réponse :</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Pourquoi :</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Réponse juste</translation>
    </message>
    <message>
        <source>Partly correct (%1 %)</source>
        <translation>Réponse partiellement juste (%1 %)</translation>
    </message>
    <message>
        <source>Incorrect</source>
        <translation>Réponse fausse</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>votre réponse</translation>
    </message>
    <message>
        <source>right answer, not chosen</source>
        <translation>bonne réponse, non choisie</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Vrai</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Faux</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation>Bonne réponse</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Your order</source>
        <translation>Votre ordre</translation>
    </message>
    <message>
        <source>Right order</source>
        <translation>Bon ordre</translation>
    </message>
    <message>
        <source>* (any other answer)</source>
        <translation>* (toute autre réponse)</translation>
    </message>
    <message>
        <source>* (any other number)</source>
        <translation>* (tout autre nombre)</translation>
    </message>
    <message>
        <source>your answer, which matches no accepted answer</source>
        <translation>votre réponse, qui ne correspond à aucune réponse acceptée</translation>
    </message>
    <message>
        <source>Accepted answer</source>
        <translation>Réponse acceptée</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Crédit</translation>
    </message>
    <message>
        <source>Capital letters count.</source>
        <translation>Les majuscules comptent.</translation>
    </message>
    <message>
        <source>Capital letters do not count.</source>
        <translation>Les majuscules ne comptent pas.</translation>
    </message>
    <message>
        <source>Units: %1. Without a unit, an answer loses %2.</source>
        <translation>Unités : %1. Sans unité, une réponse perd %2.</translation>
    </message>
    <message>
        <source>Units: %1 (optional).</source>
        <translation>Unités : %1 (facultatives).</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>(pas de réponse)</translation>
    </message>
    <message>
        <source>Part %1</source>
        <translation>Partie %1</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>Image : %1</translation>
    </message>
    <message>
        <source>right</source>
        <translation>bonne réponse</translation>
    </message>
</context>
<context>
    <name>SafetySettingsWidget</name>
    <message>
        <source>Workstation safety settings</source>
        <translation>Paramètres de sécurité du poste de travail</translation>
    </message>
    <message>
        <source>Number of backups to keep</source>
        <translation>Nombre de sauvegardes à conserver</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes without activity before staff are signed out</source>
        <translation>Minutes d&apos;inactivité avant la déconnexion du personnel</translation>
    </message>
    <message>
        <source>E&amp;xams fill the whole screen</source>
        <translation>Les e&amp;xamens occupent tout l&apos;écran</translation>
    </message>
    <message>
        <source>Exams fill the whole screen</source>
        <translation>Les examens occupent tout l&apos;écran</translation>
    </message>
    <message>
        <source>Save se&amp;ttings</source>
        <translation>Enre&amp;gistrer les paramètres</translation>
    </message>
    <message>
        <source>Save the safety settings</source>
        <translation>Enregistrer les paramètres de sécurité</translation>
    </message>
    <message>
        <source>Backups &amp;kept:</source>
        <translation>Sauvegardes &amp;conservées :</translation>
    </message>
    <message>
        <source>Sign staff out &amp;after:</source>
        <translation>&amp;Déconnecter le personnel après :</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Paramètres enregistrés</translation>
    </message>
    <message>
        <source>The settings were saved.</source>
        <translation>Les paramètres ont été enregistrés.</translation>
    </message>
</context>
<context>
    <name>ScenarioInput</name>
    <message>
        <source>Part %1 of %2</source>
        <translation>Partie %1 sur %2</translation>
    </message>
</context>
<context>
    <name>ScopeWidget</name>
    <message>
        <source>Results of</source>
        <translation>Résultats de</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Cette station</translation>
    </message>
    <message>
        <source>All workstations (central database)</source>
        <translation>Toutes les stations (base centrale)</translation>
    </message>
    <message>
        <source>Results o&amp;f:</source>
        <translation>Résultats &amp;de :</translation>
    </message>
    <message>
        <source>Connecting to the central database…</source>
        <translation>Connexion à la base centrale…</translation>
    </message>
</context>
<context>
    <name>SessionCounts</name>
    <message numerus="yes">
        <source>%n row(s) of the list have errors and nothing was imported:</source>
        <translation>
            <numerusform>%n ligne de la liste comporte des erreurs et rien n’a été importé&#xa0;:</numerusform>
            <numerusform>%n lignes de la liste comportent des erreurs et rien n’a été importé&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import the %n good row(s) and leave the others out?</source>
        <translation>
            <numerusform>Importer la ligne correcte (%n) et laisser les autres de côté&#xa0;?</numerusform>
            <numerusform>Importer les %n lignes correctes et laisser les autres de côté&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pre-test or post-test attempt(s) were taken in it: they are kept, with the participants&apos; attendance and certificates.</source>
        <translation>
            <numerusform>%n tentative de test initial ou final y a été passée&#xa0;: elle est conservée, avec la présence et les attestations des participants.</numerusform>
            <numerusform>%n tentatives de test initial ou final y ont été passées&#xa0;: elles sont conservées, avec la présence et les attestations des participants.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Edit the session</source>
        <translation>Modifier la session</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Trainers, one per line</source>
        <translation>Formateurs, un par ligne</translation>
    </message>
    <message>
        <source>Planned hours</source>
        <translation>Heures prévues</translation>
    </message>
    <message>
        <source>Modules taught</source>
        <translation>Modules enseignés</translation>
    </message>
    <message>
        <source>Module of the pre-test</source>
        <translation>Module du test initial</translation>
    </message>
    <message>
        <source>Module of the post-test</source>
        <translation>Module du test final</translation>
    </message>
    <message>
        <source>The post-test repeats each participant&apos;s pre-test &amp;questions</source>
        <translation>Le test final reprend les &amp;questions du test initial de chaque participant</translation>
    </message>
    <message>
        <source>The post-test repeats the pre-test questions</source>
        <translation>Le test final reprend les questions du test initial</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Institution :</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Lieu :</translation>
    </message>
    <message>
        <source>P&amp;rovince:</source>
        <translation>P&amp;rovince :</translation>
    </message>
    <message>
        <source>&amp;First day:</source>
        <translation>Premier &amp;jour :</translation>
    </message>
    <message>
        <source>&amp;Last day:</source>
        <translation>&amp;Dernier jour :</translation>
    </message>
    <message>
        <source>Trai&amp;ners (one per line):</source>
        <translation>Formate&amp;urs (un par ligne) :</translation>
    </message>
    <message>
        <source>&amp;Audience:</source>
        <translation>&amp;Public :</translation>
    </message>
    <message>
        <source>Planned &amp;hours:</source>
        <translation>&amp;Heures prévues :</translation>
    </message>
    <message>
        <source>&amp;Modules taught:</source>
        <translation>&amp;Modules enseignés :</translation>
    </message>
    <message>
        <source>&amp;Pre-test:</source>
        <translation>Test i&amp;nitial :</translation>
    </message>
    <message>
        <source>P&amp;ost-test:</source>
        <translation>Test &amp;final :</translation>
    </message>
</context>
<context>
    <name>SessionDocuments</name>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Trainers</source>
        <translation>Formateurs</translation>
    </message>
    <message>
        <source>Planned hours</source>
        <translation>Heures prévues</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Service number</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Function or rank</source>
        <translation>Fonction ou grade</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Sign-in sheet — %1</source>
        <translation>Feuille d’émargement — %1</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Mean pre-test score</source>
        <translation>Note moyenne au test initial</translation>
    </message>
    <message>
        <source>Mean post-test score</source>
        <translation>Note moyenne au test final</translation>
    </message>
    <message>
        <source>Mean gain (points)</source>
        <translation>Progression moyenne (points)</translation>
    </message>
    <message>
        <source>Normalised gain of the group ⟨g⟩</source>
        <translation>Gain normalisé du groupe ⟨g⟩</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Taux de réussite</translation>
    </message>
    <message>
        <source>Certificates of competence</source>
        <translation>Attestations de réussite</translation>
    </message>
    <message>
        <source>Certificates of attendance</source>
        <translation>Attestations de participation</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Days present</source>
        <translation>Jours de présence</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Pre %</source>
        <translation>Initial %</translation>
    </message>
    <message>
        <source>Post %</source>
        <translation>Final %</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>g</source>
        <translation>g</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Attendance by day</source>
        <translation>Présences par jour</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <source>Scores by topic</source>
        <translation>Résultats par thème</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Items most missed</source>
        <translation>Questions les plus souvent manquées</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Facility %</source>
        <translation>Facilité %</translation>
    </message>
    <message>
        <source>g = (post − pre) / (100 − pre): the share of what a participant could still learn that they learned; not defined for a pre-test score of 100 %.</source>
        <translation>g = (final − initial) / (100 − initial) : la part de ce qu’un participant pouvait encore apprendre qu’il a apprise ; non défini pour une note initiale de 100 %.</translation>
    </message>
</context>
<context>
    <name>SessionsScreen</name>
    <message>
        <source>Row %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>Rows with errors</source>
        <translation>Lignes comportant des erreurs</translation>
    </message>
    <message>
        <source>Delete the session “%1”? It is hidden from the list.</source>
        <translation>Supprimer la session « %1 » ? Elle n’apparaîtra plus dans la liste.</translation>
    </message>
    <message>
        <source>Delete the session</source>
        <translation>Supprimer la session</translation>
    </message>
    <message>
        <source>Enrol trainees</source>
        <translation>Inscrire des apprenants</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>Apprenants</translation>
    </message>
    <message>
        <source>Training sessions</source>
        <translation>Sessions de formation</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Test open</source>
        <translation>Test ouvert</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Service number</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Function or rank</source>
        <translation>Fonction ou grade</translation>
    </message>
    <message>
        <source>Participants and attendance</source>
        <translation>Participants et présence</translation>
    </message>
    <message>
        <source>Day of attendance</source>
        <translation>Jour de présence</translation>
    </message>
    <message>
        <source>Da&amp;y:</source>
        <translation>Jo&amp;ur :</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouvelle…</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Edit the session</source>
        <translation>Modifier la session</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>En&amp;rol trainees…</source>
        <translation>&amp;Inscrire des apprenants…</translation>
    </message>
    <message>
        <source>Enrol trainees from the list</source>
        <translation>Inscrire des apprenants de la liste</translation>
    </message>
    <message>
        <source>&amp;Import a list…</source>
        <translation>Imp&amp;orter une liste…</translation>
    </message>
    <message>
        <source>Import a participant list (CSV or XLSX)</source>
        <translation>Importer une liste de participants (CSV ou XLSX)</translation>
    </message>
    <message>
        <source>Save &amp;attendance</source>
        <translation>Enre&amp;gistrer la présence</translation>
    </message>
    <message>
        <source>Save the attendance of the day</source>
        <translation>Enregistrer la présence du jour</translation>
    </message>
    <message>
        <source>Si&amp;gn-in sheet…</source>
        <translation>Feuille d’éma&amp;rgement…</translation>
    </message>
    <message>
        <source>Save the sign-in sheet of the day as PDF</source>
        <translation>Enregistrer la feuille d’émargement du jour en PDF</translation>
    </message>
    <message>
        <source>Open the &amp;pre-test</source>
        <translation>Ou&amp;vrir le test initial</translation>
    </message>
    <message>
        <source>Open the pre-test</source>
        <translation>Ouvrir le test initial</translation>
    </message>
    <message>
        <source>Open the p&amp;ost-test</source>
        <translation>Ouvrir le test fina&amp;l</translation>
    </message>
    <message>
        <source>Open the post-test</source>
        <translation>Ouvrir le test final</translation>
    </message>
    <message>
        <source>&amp;Close the tests</source>
        <translation>Fermer les &amp;tests</translation>
    </message>
    <message>
        <source>Close the tests</source>
        <translation>Fermer les tests</translation>
    </message>
    <message>
        <source>Cer&amp;tificates of attendance</source>
        <translation>Attestations de parti&amp;cipation</translation>
    </message>
    <message>
        <source>Issue the certificates of attendance</source>
        <translation>Délivrer les attestations de participation</translation>
    </message>
    <message>
        <source>Report (P&amp;DF)…</source>
        <translation>Rapport (P&amp;DF)…</translation>
    </message>
    <message>
        <source>Save the session report as PDF</source>
        <translation>Enregistrer le rapport de session en PDF</translation>
    </message>
    <message>
        <source>Report (&amp;XLSX)…</source>
        <translation>Rapport (&amp;XLSX)…</translation>
    </message>
    <message>
        <source>Save the session report as XLSX</source>
        <translation>Enregistrer le rapport de session en XLSX</translation>
    </message>
    <message>
        <source>pre-test</source>
        <translation>test initial</translation>
    </message>
    <message>
        <source>post-test</source>
        <translation>test final</translation>
    </message>
    <message>
        <source>Import a participant list</source>
        <translation>Importer une liste de participants</translation>
    </message>
    <message>
        <source>Lists (*.csv *.xlsx)</source>
        <translation>Listes (*.csv *.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>Nothing imported: %n row(s) with errors.</source>
        <translation>
            <numerusform>Rien n’a été importé&#xa0;: %n ligne comporte des erreurs.</numerusform>
            <numerusform>Rien n’a été importé&#xa0;: %n lignes comportent des erreurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2, %3); %4.</source>
        <translation>%1 (%2, %3)&#xa0;; %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n enrolled</source>
        <translation>
            <numerusform>%n inscrit</numerusform>
            <numerusform>%n inscrits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new profile(s)</source>
        <translation>
            <numerusform>%n nouveau profil</numerusform>
            <numerusform>%n nouveaux profils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already known</source>
        <translation>
            <numerusform>%n déjà connu</numerusform>
            <numerusform>%n déjà connus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) left out</source>
        <translation>
            <numerusform>%n ligne laissée de côté</numerusform>
            <numerusform>%n lignes laissées de côté</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attendance of %1 saved: %n present.</source>
        <translation>
            <numerusform>Présence du %1 enregistrée&#xa0;: %n présent.</numerusform>
            <numerusform>Présence du %1 enregistrée&#xa0;: %n présents.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the sign-in sheet</source>
        <translation>Enregistrer la feuille d’émargement</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Sign-in sheet saved to %1</source>
        <translation>Feuille d’émargement enregistrée dans %1</translation>
    </message>
    <message>
        <source>The pre-test is open: participants find it on their modules screen.</source>
        <translation>Le test initial est ouvert : les participants le trouvent sur leur écran des modules.</translation>
    </message>
    <message>
        <source>The post-test is open: participants find it on their modules screen.</source>
        <translation>Le test final est ouvert : les participants le trouvent sur leur écran des modules.</translation>
    </message>
    <message>
        <source>The tests are closed.</source>
        <translation>Les tests sont fermés.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) of attendance issued (participants present for at least %1 % of the planned hours).</source>
        <translation>
            <numerusform>%n attestation de participation délivrée (participants présents au moins %1 % des heures prévues).</numerusform>
            <numerusform>%n attestations de participation délivrées (participants présents au moins %1 % des heures prévues).</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the session report</source>
        <translation>Enregistrer le rapport de session</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Rapport enregistré dans %1</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up this workstation</source>
        <translation>Configurer ce poste de travail</translation>
    </message>
    <message>
        <source>Welcome. Before trainees use this workstation, give your institution&apos;s name and create the first coordinator account. The coordinator can then create accounts for trainers and other coordinators.</source>
        <translation>Bienvenue. Avant que les apprenants n&apos;utilisent ce poste de travail, indiquez le nom de votre institution et créez le premier compte de coordonnateur. Le coordonnateur pourra ensuite créer les comptes des formateurs et d&apos;autres coordonnateurs.</translation>
    </message>
    <message>
        <source>Institution name</source>
        <translation>Nom de l&apos;institution</translation>
    </message>
    <message>
        <source>Coordinator account name</source>
        <translation>Nom du compte de coordonnateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Confirmation du mot de passe</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Institution :</translation>
    </message>
    <message>
        <source>Coordinator account &amp;name:</source>
        <translation>&amp;Nom du compte de coordonnateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>&amp;Confirmer le mot de passe :</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>Un mot de passe doit comporter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>&amp;Create the account</source>
        <translation>C&amp;réer le compte</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>ShortAnswerInput</name>
    <message>
        <source>Type a word or a short phrase. Capital letters count.</source>
        <translation>Saisissez un mot ou une courte expression. Les majuscules comptent.</translation>
    </message>
    <message>
        <source>Type a word or a short phrase. Capital letters do not count.</source>
        <translation>Saisissez un mot ou une courte expression. Les majuscules ne comptent pas.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Staff sign-in</source>
        <translation>Connexion du personnel</translation>
    </message>
    <message>
        <source>Staff tools are for trainers and coordinators. Sign in with your account.</source>
        <translation>Les outils du personnel sont réservés aux formateurs et aux coordonnateurs. Connectez-vous avec votre compte.</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>&amp;Nom du compte :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Se connecter</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Question bank library</source>
        <translation>Bibliothèque des banques de questions</translation>
    </message>
    <message>
        <source>Import/export GIFT and Moodle XML</source>
        <translation>Import/export GIFT et Moodle XML</translation>
    </message>
    <message>
        <source>Training sessions</source>
        <translation>Sessions de formation</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Item analysis</source>
        <translation>Analyse des questions</translation>
    </message>
    <message>
        <source>Programme summary</source>
        <translation>Bilan du programme</translation>
    </message>
    <message>
        <source>Workstation bundles</source>
        <translation>Lots des postes de travail</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Attestations</translation>
    </message>
    <message>
        <source>Verify a certificate</source>
        <translation>Vérifier une attestation</translation>
    </message>
    <message>
        <source>Staff &amp;accounts</source>
        <translation>&amp;Comptes du personnel</translation>
    </message>
    <message>
        <source>A&amp;udit log</source>
        <translation>&amp;Journal d&apos;audit</translation>
    </message>
    <message>
        <source>&amp;Backups and safety settings</source>
        <translation>&amp;Sauvegardes et paramètres de sécurité</translation>
    </message>
    <message>
        <source>&amp;Network (central database)</source>
        <translation>&amp;Réseau (base centrale)</translation>
    </message>
</context>
<context>
    <name>StaffGate</name>
    <message>
        <source>Staff sign-in status</source>
        <translation>État de la connexion du personnel</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>a coordinator account</source>
        <translation>un compte de coordonnateur</translation>
    </message>
    <message>
        <source>a trainer account</source>
        <translation>un compte de formateur</translation>
    </message>
    <message>
        <source>This needs %1. Sign out, then sign in with such an account.</source>
        <translation>Cette fonction exige %1. Déconnectez-vous, puis connectez-vous avec un tel compte.</translation>
    </message>
    <message>
        <source>Staff signed out after a period of inactivity.</source>
        <translation>Personnel déconnecté après une période d&apos;inactivité.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <source>The backup was restored. Sign in again to continue staff work.</source>
        <translation>La sauvegarde a été restaurée. Reconnectez-vous pour poursuivre le travail du personnel.</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>coordonnateur</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>formateur</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Connecté : %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>TiP Trainer is already open on this workstation (data folder %1). Use the window that is open; this one will close so that nothing is recorded twice.</source>
        <translation>TiP Trainer est déjà ouvert sur ce poste de travail (dossier de données %1). Utilisez la fenêtre déjà ouverte ; celle-ci va se fermer afin que rien ne soit enregistré deux fois.</translation>
    </message>
    <message>
        <source>TiP Trainer is already open</source>
        <translation>TiP Trainer est déjà ouvert</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>&amp;Restaurer cette sauvegarde</translation>
    </message>
    <message>
        <source>&amp;Close TiP Trainer</source>
        <translation>&amp;Fermer TiP Trainer</translation>
    </message>
    <message>
        <source>Close TiP Trainer without changing anything</source>
        <translation>Fermer TiP Trainer sans rien modifier</translation>
    </message>
    <message>
        <source>The database is damaged and there is no backup to restore. Nothing was changed. Ask your coordinator or technician for help; the file is %1.</source>
        <translation>La base de données est endommagée et aucune sauvegarde ne peut être restaurée. Rien n&apos;a été modifié. Demandez l&apos;aide de votre coordonnateur ou d&apos;un technicien ; le fichier est %1.</translation>
    </message>
    <message>
        <source>The database of this workstation is damaged (%1).

Restore the latest good backup, taken on %2? What was recorded after it will be missing. The damaged file is kept beside the database for a technician.</source>
        <translation>La base de données de ce poste de travail est endommagée (%1).

Restaurer la dernière sauvegarde intacte, du %2 ? Ce qui a été enregistré après elle manquera. Le fichier endommagé est conservé à côté de la base de données pour un technicien.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>La base de données est endommagée</translation>
    </message>
    <message>
        <source>The database of this workstation is missing or empty (%1).

The newest backup that holds data was taken on %2. Restore it? If you close instead, nothing is changed and nothing is created.</source>
        <translation>La base de données de ce poste est absente ou vide (%1).

La sauvegarde la plus récente qui contient des données a été faite le %2. La restaurer ? Si vous fermez plutôt, rien n&apos;est modifié et rien n&apos;est créé.</translation>
    </message>
    <message>
        <source>The database is missing</source>
        <translation>La base de données est absente</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sauvegarde de la base de données…</translation>
    </message>
</context>
<context>
    <name>SubmitTexts</name>
    <message numerus="yes">
        <source>Submit %1&apos;s exam now, as it stands? %n question(s) are not answered. Once submitted, answers can no longer be changed.</source>
        <translation>
            <numerusform>Remettre maintenant l&apos;examen de %1 en l&apos;état ? %n question sans réponse. Une fois remis, les réponses ne peuvent plus être modifiées.</numerusform>
            <numerusform>Remettre maintenant l&apos;examen de %1 en l&apos;état ? %n questions sans réponse. Une fois remis, les réponses ne peuvent plus être modifiées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finish %1&apos;s practice session now, as it stands? %n question(s) are not answered.</source>
        <translation>
            <numerusform>Terminer maintenant l&apos;entraînement de %1 en l&apos;état ? %n question sans réponse.</numerusform>
            <numerusform>Terminer maintenant l&apos;entraînement de %1 en l&apos;état ? %n questions sans réponse.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Central database</source>
        <translation>Base centrale</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Send results to the central database now</source>
        <translation>Envoyer maintenant les résultats à la base centrale</translation>
    </message>
    <message>
        <source>Held back…</source>
        <translation>Retenus…</translation>
    </message>
    <message>
        <source>Show the records the central database refused</source>
        <translation>Afficher les enregistrements refusés par la base centrale</translation>
    </message>
    <message>
        <source>Not connected to a central database</source>
        <translation>Non reliée à une base centrale</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Central database not reached</source>
        <translation>Base centrale injoignable</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) waiting</source>
        <translation>
            <numerusform>%n réponse en attente</numerusform>
            <numerusform>%n réponses en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) held back by the central database</source>
        <translation>
            <numerusform>%n enregistrement retenu par la base centrale</numerusform>
            <numerusform>%n enregistrements retenus par la base centrale</numerusform>
        </translation>
    </message>
    <message>
        <source>Central database: %1</source>
        <translation>Base centrale : %1</translation>
    </message>
    <message>
        <source>Syncing with the central database…</source>
        <translation>Synchronisation avec la base centrale…</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais synchronisée</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Synchronisée à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n min ago</source>
        <translation>
            <numerusform>Synchronisée il y a %n min</numerusform>
            <numerusform>Synchronisée il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n h ago</source>
        <translation>
            <numerusform>Synchronisée il y a %n h</numerusform>
            <numerusform>Synchronisée il y a %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced on %1</source>
        <translation>Synchronisée le %1</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <source>Question banks</source>
        <translation>Banques de questions</translation>
    </message>
    <message>
        <source>Staff › Question bank library. Import a bank here; every problem of a bad file is shown with its line, and a bank can be disabled without deleting it.</source>
        <translation>Personnel › Bibliothèque des banques de questions. Importez ici une banque ; chaque problème d&apos;un fichier défectueux est indiqué avec sa ligne, et une banque peut être désactivée sans être supprimée.</translation>
    </message>
    <message>
        <source>Training sessions</source>
        <translation>Sessions de formation</translation>
    </message>
    <message>
        <source>Staff › Training sessions. Create a session, enrol participants, take attendance and open its pre-test and post-test.</source>
        <translation>Personnel › Sessions de formation. Créez une session, inscrivez les participants, relevez les présences et ouvrez son test initial et son test final.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Staff › Results. Filter every attempt, then export them for a spreadsheet; item analysis and the programme summary are next to it in the Staff menu.</source>
        <translation>Personnel › Résultats. Filtrez toutes les tentatives, puis exportez-les pour un tableur ; l&apos;analyse des questions et le bilan du programme sont à côté dans le menu Personnel.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Attestations</translation>
    </message>
    <message>
        <source>Staff › Certificates. Set the institution, its logo and the signatories first; then issue, reprint, revoke and verify certificates.</source>
        <translation>Personnel › Attestations. Indiquez d&apos;abord l&apos;institution, son logo et les signataires ; puis délivrez, réimprimez, révoquez et vérifiez les attestations.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Staff › Backups and safety settings. Back up now before any large change, and restore a backup from here if the worst happens.</source>
        <translation>Personnel › Sauvegardes et paramètres de sécurité. Sauvegardez avant tout changement important, et restaurez une sauvegarde d&apos;ici si le pire arrive.</translation>
    </message>
</context>
<context>
    <name>TourDialog</name>
    <message>
        <source>Coordinator tour</source>
        <translation>Visite guidée du coordonnateur</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>Previous step of the tour</source>
        <translation>Étape précédente de la visite</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Next step of the tour</source>
        <translation>Étape suivante de la visite</translation>
    </message>
    <message>
        <source>S&amp;kip the tour</source>
        <translation>&amp;Ignorer la visite</translation>
    </message>
    <message>
        <source>Skip the tour; Help shows it again</source>
        <translation>Ignorer la visite ; le menu Aide la propose de nouveau</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Étape %1 sur %2</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
</context>
<context>
    <name>TrueFalseInput</name>
    <message>
        <source>T&amp;rue</source>
        <translation>&amp;Vrai</translation>
    </message>
    <message>
        <source>F&amp;alse</source>
        <translation>Fa&amp;ux</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Vrai</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Faux</translation>
    </message>
</context>
<context>
    <name>TypedInput</name>
    <message>
        <source>Your answer</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <source>&amp;Your answer:</source>
        <translation>V&amp;otre réponse :</translation>
    </message>
    <message>
        <source>About your answer</source>
        <translation>À propos de votre réponse</translation>
    </message>
</context>
<context>
    <name>VerifyScreen</name>
    <message>
        <source>Open a certificate</source>
        <translation>Ouvrir une attestation</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Certificates (*.pdf %1)</source>
        <translation>Attestations (*.pdf %1)</translation>
    </message>
    <message>
        <source>Scans and photos (%1)</source>
        <translation>Numérisations et photos (%1)</translation>
    </message>
    <message>
        <source>No certificate code was found.</source>
        <translation>Aucun code d’attestation n’a été trouvé.</translation>
    </message>
    <message>
        <source>The code is incomplete or mistyped. Check each group of characters and try again.</source>
        <translation>Le code est incomplet ou mal saisi. Vérifiez chaque groupe de caractères et réessayez.</translation>
    </message>
    <message>
        <source>This is not a TiP Trainer certificate code, or it is damaged.</source>
        <translation>Ce n’est pas un code d’attestation TiP Trainer, ou il est endommagé.</translation>
    </message>
    <message>
        <source>The signature does not match: the certificate was altered after it was issued.</source>
        <translation>La signature ne correspond pas : l’attestation a été modifiée après sa délivrance.</translation>
    </message>
    <message>
        <source>It was issued by an installation whose key is not trusted here. Import the issuer&apos;s public key to check it.</source>
        <translation>Elle a été délivrée par une installation dont la clé n’est pas reconnue sur ce poste. Importez la clé publique de l’émetteur pour la vérifier.</translation>
    </message>
    <message>
        <source>The certificate was revoked by its issuer: %1</source>
        <translation>L’attestation a été révoquée par son émetteur : %1</translation>
    </message>
    <message>
        <source>The text printed on the page differs from the signed facts: the page was altered.</source>
        <translation>Le texte imprimé sur la page diffère des données signées : la page a été modifiée.</translation>
    </message>
    <message>
        <source>Verify a certificate</source>
        <translation>Vérifier une attestation</translation>
    </message>
    <message>
        <source>Open the certificate&apos;s PDF file or a scan or photo of the paper (the QR code must be visible and sharp), or type the verification code printed at the bottom of the page.</source>
        <translation>Ouvrez le fichier PDF de l&apos;attestation, ou une numérisation ou une photo du document papier (le code QR doit être entièrement visible et net), ou saisissez le code de vérification imprimé au bas de la page.</translation>
    </message>
    <message>
        <source>&amp;Open a PDF, scan or photo…</source>
        <translation>&amp;Ouvrir un PDF, une numérisation ou une photo…</translation>
    </message>
    <message>
        <source>Open a certificate PDF, or a scan or photo of one, to verify</source>
        <translation>Ouvrir le PDF d&apos;une attestation, ou sa numérisation ou sa photo, pour la vérifier</translation>
    </message>
    <message>
        <source>Verification &amp;code:</source>
        <translation>&amp;Code de vérification :</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Code de vérification</translation>
    </message>
    <message>
        <source>Verify the typed code</source>
        <translation>Vérifier le code saisi</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Résultat de la vérification</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Numéro de l’attestation</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Délivrée par</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
    </message>
    <message>
        <source>Reading the certificate…</source>
        <translation>Lecture de l’attestation…</translation>
    </message>
    <message>
        <source>Looking for the QR code in the picture…</source>
        <translation>Recherche du code QR dans l&apos;image…</translation>
    </message>
    <message>
        <source>Verif&amp;y the code</source>
        <translation>&amp;Vérifier le code</translation>
    </message>
    <message>
        <source>Kind of certificate</source>
        <translation>Type d’attestation</translation>
    </message>
    <message>
        <source>The signature is genuine and the certificate has not been revoked. Only the QR code was read: check that the name, number, date and score below are those printed on the paper.</source>
        <translation>La signature est authentique et l&apos;attestation n&apos;a pas été révoquée. Seul le code QR a été lu : vérifiez que le nom, le numéro, la date et la note ci-dessous sont bien ceux imprimés sur le document papier.</translation>
    </message>
    <message>
        <source>No certificate QR code was found in this picture. Scan or photograph the page again, flat and sharp, with the whole QR code visible; or type the code printed under it.</source>
        <translation>Aucun code QR d&apos;attestation n&apos;a été trouvé sur cette image. Numérisez ou photographiez de nouveau la page, bien à plat et nette, avec le code QR entièrement visible, ou saisissez le code imprimé en dessous.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Vérification du code…</translation>
    </message>
    <message>
        <source>✔ VALID CERTIFICATE</source>
        <translation>✔ ATTESTATION VALIDE</translation>
    </message>
    <message>
        <source>The signature is genuine and the certificate has not been revoked.</source>
        <translation>La signature est authentique et l’attestation n’a pas été révoquée.</translation>
    </message>
    <message>
        <source>✘ NOT VALID</source>
        <translation>✘ NON VALIDE</translation>
    </message>
    <message>
        <source> (not verified)</source>
        <translation> (non vérifié)</translation>
    </message>
    <message>
        <source>certificate of competence (module)</source>
        <translation>attestation de réussite (module)</translation>
    </message>
    <message>
        <source>certificate of competence (programme)</source>
        <translation>attestation de réussite (programme)</translation>
    </message>
    <message>
        <source>certificate of attendance</source>
        <translation>attestation de participation</translation>
    </message>
    <message>
        <source>unknown issuer</source>
        <translation>émetteur inconnu</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>clé %1</translation>
    </message>
</context>
</TS>
