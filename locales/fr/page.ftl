### Messages français des pages de tutoriel des connecteurs (templates/connector.md).
### Typographie : espace insécable avant « : ; ! ? », apostrophe typographique ’, noms de
### produits entre [!DNL …]. Le français classe 0 et 1 dans la catégorie plurielle « one ».

## Page chrome

locale-name = Français
locale-switcher-label = Langues

## Front matter and introduction

page-title = Créer une connexion de base [!DNL { $connector }] avec l’API [!DNL Flow Service]
page-description = Découvrez comment connecter [!DNL Adobe Experience Platform] à [!DNL { $connector }] en créant une connexion de base avec l’API [!DNL Flow Service].
intro = Une connexion de base conserve le lien authentifié entre une source et [!DNL Adobe Experience Platform] : les identifiants, l’état de la connexion et son identifiant unique. Ce tutoriel crée une connexion de base pour [!DNL { $connector }] en un seul appel à l’API [!DNL Flow Service].
spec-id-note = L’identifiant de la spécification de connexion de [!DNL { $connector }] est fixe : `{ $specId }`. Chaque requête de ce tutoriel l’envoie dans `connectionSpec.id`.

## Before you begin

prerequisites-heading = Avant de commencer
prerequisites-body = Vous devez avoir accès à un sandbox d’[!DNL Experience Platform] et disposer d’identifiants pour les API [!DNL Platform]. Pour savoir comment les obtenir et comment appeler ces API, consultez le [guide de prise en main des API [!DNL Platform]](https://experienceleague.adobe.com/docs/experience-platform/landing/platform-apis/api-guide.html).
headers-tip = Chaque requête ci-dessous envoie les mêmes en-têtes : un jeton d’accès dans `Authorization`, votre clé d’API dans `x-api-key`, l’identifiant de votre organisation dans `x-gw-ims-org-id` et le nom du sandbox dans `x-sandbox-name`. Avant d’envoyer une requête, remplacez chaque valeur entre accolades par la vôtre.

## Credentials

credentials-heading = Réunir les identifiants requis
credentials-intro =
    { $authCount ->
        [one] [!DNL { $connector }] prend en charge un type d’authentification. Préparez les valeurs suivantes avant de créer la connexion de base.
       *[other] [!DNL { $connector }] prend en charge { $authCount } types d’authentification. Choisissez-en un et préparez ses valeurs avant de créer la connexion de base.
    }
auth-heading = Identifiants pour [!DNL { $specName }]
auth-params-intro =
    { $paramCount ->
        [one] Le type d’authentification [!DNL { $specName }] attend un paramètre dans `auth.params` :
       *[other] Le type d’authentification [!DNL { $specName }] attend { $paramCount } paramètres dans `auth.params` :
    }
table-parameter = Paramètre
table-required = Obligatoire
table-description = Description
table-required-value =
    { $required ->
        [yes] Oui
       *[no] Non
    }

## Create the base connection

create-heading = Créer une connexion de base
create-body = Pour créer une connexion de base, envoyez une requête POST au point d’accès `/connections` de l’API [!DNL Flow Service]. Le corps de la requête indique le type d’authentification dans `auth.specName`, transmet vos identifiants dans `auth.params` et désigne [!DNL { $connector }] dans `connectionSpec`.
api-format-label = Format d’API
request-heading =
    { $authCount ->
        [one] Requête
       *[other] Requête avec [!DNL { $specName }]
    }
request-intro = La requête suivante crée une connexion de base pour [!DNL { $connector }] avec le type d’authentification [!DNL { $specName }] :
response-heading = Réponse
response-body = Une réponse réussie renvoie l’identifiant unique (`id`) de la nouvelle connexion de base et son `etag`. Conservez cet identifiant : vous en aurez besoin pour explorer vos données et pour créer un flux de données dans les tutoriels suivants.

## Next steps

next-steps-heading = Étapes suivantes
next-steps-body = En suivant ce tutoriel, vous avez créé une connexion de base pour [!DNL { $connector }] avec l’API [!DNL Flow Service]. Utilisez son identifiant pour explorer la structure et le contenu de vos données, puis pour créer un flux de données qui les importe dans [!DNL Experience Platform].
