### Descriptions françaises des paramètres d’authentification des connecteurs (`auth.params`).
### Le texte anglais est le résumé du catalogue des connecteurs (schema/connectors.yaml) ;
### les identifiants sont param-<connecteur>-<paramètre>, ou param-<paramètre> pour tous les
### connecteurs. $specSlug choisit une variante quand un paramètre change de sens selon le type
### d’authentification.

## Generic descriptions

param-clientId = ID client de l’application [!DNL { $connector }].
param-clientSecret = Secret client de l’application [!DNL { $connector }].
param-username = Nom d’utilisateur du compte [!DNL { $connector }].
param-password = Mot de passe du compte [!DNL { $connector }].

## Google Ads

param-ads-clientCustomerID = ID client du compte client [!DNL Google Ads].
param-ads-developerToken = Jeton de développeur associé au compte administrateur [!DNL Google Ads].
param-ads-authenticationType = Type d’authentification utilisé pour le compte [!DNL Google].
param-ads-clientId = ID client de l’application [!DNL Google] qui a émis le jeton d’actualisation.
param-ads-clientSecret = Secret client de l’application [!DNL Google] qui a émis le jeton d’actualisation.
param-ads-refreshToken = Jeton d’actualisation [!DNL OAuth] émis par [!DNL Google] pour l’accès à [!DNL Google Ads].

## Mixpanel

param-mixpanel-host = Point de terminaison d’exportation des données brutes de [!DNL Mixpanel], par exemple `https://data.mixpanel.com`.
param-mixpanel-username = Nom d’utilisateur du compte de service [!DNL Mixpanel].
param-mixpanel-password = Secret du compte de service [!DNL Mixpanel].

## Amazon S3

param-s3-s3AccessKey = ID de clé d’accès [!DNL AWS] du propriétaire du compartiment.
param-s3-s3SecretKey = Clé d’accès secrète [!DNL AWS] associée à l’ID de clé d’accès.

## Salesforce

param-salesforce-environmentUrl =
    { $specSlug ->
        [basic-authentication] URL de base de l’organisation [!DNL Salesforce], de la forme `https://[domain].my.salesforce.com`.
       *[other] URL de base de l’organisation [!DNL Salesforce].
    }
param-salesforce-username = Identifiant de connexion de l’utilisateur [!DNL Salesforce].
param-salesforce-password = Mot de passe de cet utilisateur [!DNL Salesforce].
param-salesforce-securityToken = Jeton de sécurité émis pour cet utilisateur [!DNL Salesforce].
param-salesforce-apiVersion =
    { $specSlug ->
        [basic-authentication] Version de l’API [!DNL REST] de [!DNL Salesforce] sous forme décimale, par exemple `52.0`. Sans valeur, la version la plus récente est utilisée.
       *[other] Version de l’API [!DNL REST] de [!DNL Salesforce] sous forme décimale, par exemple `60.0`.
    }
param-salesforce-clientId = ID client de l’application connectée [!DNL Salesforce].
param-salesforce-clientSecret = Secret client de l’application connectée [!DNL Salesforce].
param-salesforce-jwtToken = Jeton [!DNL JWT] signé, préparé pour l’application connectée [!DNL Salesforce].
param-salesforce-instanceUrl = URL de l’instance [!DNL Salesforce] à laquelle se connecter.

## Zendesk

param-zendesk-subdomain = Domaine du compte, de la forme `https://yoursubdomain.zendesk.com`.
param-zendesk-accessToken = Jeton d’API [!DNL Zendesk].

## PostgreSQL

param-postgres-connectionString = Chaîne de connexion à la base de données, de la forme `Server=...;Database=...;Port=...;UID=...;Password=...`.

## Snowflake

param-snowflake-connectionString = URL [!DNL JDBC] contenant le compte, l’utilisateur, le mot de passe, la base de données et l’entrepôt.

## Shopify

param-shopify-host = Point de terminaison de la boutique [!DNL Shopify].
param-shopify-accessToken = Jeton d’accès du compte utilisateur [!DNL Shopify].

## HubSpot

param-hubspot-clientId = ID client de votre application [!DNL HubSpot].
param-hubspot-clientSecret = Secret client de votre application [!DNL HubSpot].
param-hubspot-accessToken = Jeton d’accès [!DNL OAuth] obtenu lors de la première autorisation.
param-hubspot-refreshToken = Jeton d’actualisation [!DNL OAuth] obtenu lors de la première autorisation.

## PayPal (clientId and clientSecret use the generic descriptions)

param-paypal-host = Hôte de l’API [!DNL PayPal]. La documentation indique `api.sandbox.paypal.com` comme valeur par défaut.

## Generic REST API

param-generic-rest-host =
    { $specSlug ->
        [oauth2refreshcode] URL de base du service [!DNL REST]. Elle ne peut pas être remplacée.
       *[other] URL de base du service [!DNL REST].
    }
param-generic-rest-accessToken = Jeton d’accès qui autorise les appels. Il ne peut pas être remplacé.
param-generic-rest-authorizationTestUrl = URL utilisée pour vérifier les identifiants lors de la création de la connexion de base.
param-generic-rest-clientId = ID client de l’application [!DNL OAuth] de l’utilisateur.
param-generic-rest-clientSecret = Secret client de l’application [!DNL OAuth] de l’utilisateur.
param-generic-rest-refreshToken = Jeton qui permet d’obtenir un nouveau jeton d’accès après expiration.
param-generic-rest-expirationDate = Date d’expiration masquée du jeton d’accès.
param-generic-rest-accessTokenUrl = Point de terminaison qui émet les jetons d’accès.
param-generic-rest-requestParameterOverride = Indique quels paramètres d’identification peuvent être remplacés à chaque requête.
param-generic-rest-username = Nom d’utilisateur du compte.
param-generic-rest-password = Mot de passe du compte.

## HTTP API (streaming)

param-http-sourceId = Identifiant de la connexion de diffusion en continu.
param-http-dataType = Type des données diffusées : `xdm`.
param-http-name = Nom d’affichage de la connexion de diffusion en continu.
param-http-authenticationRequired = Si la valeur est `true`, les expéditeurs doivent présenter un en-tête `Authorization`.
