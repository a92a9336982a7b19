/** Texts of single sign-on (OpenID Connect) and its settings page, in Swedish and English. */

import type { Text } from '../../../i18n/index.js';

export const T = {
  // Errors after a failed single sign-on (`/sso/fel?orsak=…`)
  errorTitle: { sv: 'Inloggningen gick inte', en: 'Signing in did not work' },
  errors: {
    'inget-konto': {
      sv: 'Du har loggat in hos kommunens inloggningstjänst, men det finns inget aktivt konto i Utblick för dig i den kommunen. Utblick skapar inga konton av sig själv. Be kommunens administratör av Utblick att lägga upp dig, med samma e-postadress som i kommunens inloggning.',
      en: 'You signed in at your organisation’s sign-in service, but there is no active Utblick account for you in that municipality. Utblick does not create accounts by itself. Ask your municipality’s Utblick administrator to add you, with the same email address as in your organisation’s sign-in.',
    },
    plattform: {
      sv: 'Konton med behörighet över hela Utblick loggar in med lösenord och kod från app, inte med en kommuns inloggning.',
      en: 'Accounts with rights over all of Utblick sign in with a password and a code from an app, not with a municipality’s sign-in.',
    },
    avbruten: { sv: 'Inloggningen avbröts hos kommunens inloggningstjänst.', en: 'Signing in was cancelled at your organisation’s sign-in service.' },
    ogiltig: {
      sv: 'Inloggningen kunde inte slutföras eftersom den hade gått ut eller påbörjats i en annan webbläsare. Börja om från inloggningssidan.',
      en: 'Signing in could not be completed because it had expired or was started in another browser. Start again from the sign-in page.',
    },
    misslyckades: {
      sv: 'Inloggningen kunde inte slutföras eftersom kommunens inloggningstjänst inte svarade som väntat. Försök igen om en stund. Om felet kvarstår, kontakta kommunens administratör av Utblick.',
      en: 'Signing in could not be completed because your organisation’s sign-in service did not answer as expected. Try again in a while. If it keeps happening, contact your municipality’s Utblick administrator.',
    },
    okand: { sv: 'Den inloggningstjänsten finns inte eller är avstängd.', en: 'That sign-in service does not exist or is turned off.' },
  } satisfies Record<string, Text>,
  backToSignIn: { sv: 'Tillbaka till inloggningen', en: 'Back to signing in' },

  // Settings
  title: { sv: 'Inloggning med kommunens konton', en: 'Sign-in with your organisation’s accounts' },
  settings: { sv: 'Inställningar', en: 'Settings' },
  lead: {
    sv: 'Med enkel inloggning (OpenID Connect) loggar kommunens anställda in i Utblick med samma konto som i kommunens andra system. Bara den som redan har ett konto med en roll i kommunen kommer in: kontot hittas på e-postadressen (om inloggningstjänsten har bekräftat den) och kopplas sedan till personen. Inloggningstjänsten står för den andra faktorn.',
    en: 'With single sign-on (OpenID Connect) the municipality’s staff sign in to Utblick with the same account as in its other systems. Only people who already have an account with a role in the municipality get in: the account is found by email address (if the sign-in service has verified it) and then linked to the person. The sign-in service provides the second factor.',
  },
  redirectUri: { sv: 'Adress att registrera hos inloggningstjänsten (redirect URI)', en: 'Address to register at the sign-in service (redirect URI)' },
  none: { sv: 'Kommunen har ingen inloggningstjänst ännu.', en: 'The municipality has no sign-in service yet.' },
  tableCaption: { sv: 'Inloggningstjänster', en: 'Sign-in services' },
  colName: { sv: 'Namn på knappen', en: 'Button name' },
  colIssuer: { sv: 'Utfärdare', en: 'Issuer' },
  colEnabled: { sv: 'Används', en: 'In use' },
  yes: { sv: 'Ja', en: 'Yes' },
  no: { sv: 'Nej', en: 'No' },
  edit: { sv: 'Ändra', en: 'Edit' },
  editTitle: { sv: 'Ändra inloggningstjänst', en: 'Edit sign-in service' },
  addTitle: { sv: 'Lägg till en inloggningstjänst', en: 'Add a sign-in service' },
  displayName: { sv: 'Namn på knappen', en: 'Button name' },
  displayNameHint: { sv: 'Visas som ”Logga in med …”, till exempel Arvika kommun.', en: 'Shown as “Sign in with …”, for example Arvika kommun.' },
  issuer: { sv: 'Utfärdare (issuer)', en: 'Issuer' },
  issuerHint: {
    sv: 'Adressen som inloggningstjänsten anger som issuer, till exempel https://login.microsoftonline.com/<klient-id>/v2.0.',
    en: 'The address the sign-in service gives as its issuer, for example https://login.microsoftonline.com/<tenant-id>/v2.0.',
  },
  clientId: { sv: 'Klient-id (client ID)', en: 'Client ID' },
  clientSecret: { sv: 'Klienthemlighet (client secret)', en: 'Client secret' },
  clientSecretHint: { sv: 'Lämna tomt för att behålla den sparade hemligheten.', en: 'Leave empty to keep the saved secret.' },
  clientSecretNewHint: { sv: 'Lämna tomt om tjänsten inte använder någon hemlighet.', en: 'Leave empty if the service uses no secret.' },
  scopes: { sv: 'Behörigheter (scopes)', en: 'Scopes' },
  scopesHint: { sv: 'Åtskilda med mellanslag. Måste innehålla openid.', en: 'Separated by spaces. Must include openid.' },
  enabled: { sv: 'Visa knappen på inloggningssidan', en: 'Show the button on the sign-in page' },
  enabledLegend: { sv: 'Används', en: 'In use' },
  save: { sv: 'Spara', en: 'Save' },
  add: { sv: 'Lägg till', en: 'Add' },
  remove: { sv: 'Ta bort inloggningstjänsten', en: 'Remove the sign-in service' },
  removeHint: {
    sv: 'Personer som har loggat in med tjänsten kopplas loss och får logga in på annat sätt.',
    en: 'People who have signed in with the service are unlinked and must sign in another way.',
  },
  enterDisplayName: { sv: 'Fyll i namnet på knappen.', en: 'Enter the button name.' },
  tooLong: { sv: '{label} får ha högst {max} tecken.', en: '{label} must be {max} characters or fewer.' },
  enterIssuer: { sv: 'Fyll i utfärdarens adress.', en: 'Enter the issuer’s address.' },
  badIssuer: {
    sv: 'Utfärdaren måste vara en adress som börjar med https:// (http:// bara för localhost), utan ? eller #.',
    en: 'The issuer must be an address starting with https:// (http:// only for localhost), without ? or #.',
  },
  enterClientId: { sv: 'Fyll i klient-id.', en: 'Enter the client ID.' },
  badScopes: {
    sv: 'Ange behörigheter åtskilda med mellanslag, med openid bland dem, till exempel ”openid email profile”.',
    en: 'Enter scopes separated by spaces, including openid, for example “openid email profile”.',
  },
  notices: {
    sparad: { sv: 'Inloggningstjänsten är sparad.', en: 'The sign-in service has been saved.' },
    tillagd: { sv: 'Inloggningstjänsten är tillagd.', en: 'The sign-in service has been added.' },
    borttagen: { sv: 'Inloggningstjänsten är borttagen.', en: 'The sign-in service has been removed.' },
  } satisfies Record<string, Text>,
} as const;
