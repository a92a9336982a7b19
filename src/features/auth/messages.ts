/** Texts of signing in, the second factor, password reset and the account page, in Swedish and English. */

import type { Text } from '../../i18n/index.js';

export const T = {
  // Sign in
  signIn: { sv: 'Logga in', en: 'Sign in' },
  signInLead: {
    sv: 'Logga in för att arbeta med kommunens internationella arbete i Utblick.',
    en: 'Sign in to work on the municipality’s international work in Utblick.',
  },
  email: { sv: 'E-postadress', en: 'Email address' },
  password: { sv: 'Lösenord', en: 'Password' },
  signInButton: { sv: 'Logga in', en: 'Sign in' },
  forgot: { sv: 'Har du glömt lösenordet?', en: 'Forgotten your password?' },
  ssoHeading: { sv: 'Logga in med kommunens inloggning', en: 'Sign in with your organisation’s account' },
  ssoWith: { sv: 'Logga in med {name}', en: 'Sign in with {name}' },
  badCredentials: {
    sv: 'Fel e-postadress eller lösenord, eller så är kontot avstängt. Kontrollera uppgifterna och försök igen.',
    en: 'The email address or password is wrong, or the account is disabled. Check them and try again.',
  },
  enterEmail: { sv: 'Fyll i din e-postadress.', en: 'Enter your email address.' },
  emailFormat: { sv: 'Ange en e-postadress i rätt format, till exempel namn@kommun.se.', en: 'Enter an email address in the correct format, like name@example.com.' },
  enterPassword: { sv: 'Fyll i ditt lösenord.', en: 'Enter your password.' },
  tooManySignIns: {
    sv: 'För många misslyckade inloggningsförsök. Av säkerhetsskäl kan du inte logga in just nu. Vänta 15 minuter och försök igen, eller återställ lösenordet.',
    en: 'Too many failed sign-in attempts. For your security you cannot sign in right now. Wait 15 minutes and try again, or reset your password.',
  },
  tooManyCodes: {
    sv: 'För många felaktiga koder. Vänta 15 minuter och försök igen.',
    en: 'Too many wrong codes. Wait 15 minutes and try again.',
  },

  // Second factor: code
  codeTitle: { sv: 'Ange din kod', en: 'Enter your code' },
  codeLead: {
    sv: 'Öppna autentiseringsappen i din telefon och skriv in den sexsiffriga koden för Utblick.',
    en: 'Open the authenticator app on your phone and enter the six-digit code for Utblick.',
  },
  code: { sv: 'Kod', en: 'Code' },
  codeHint: {
    sv: 'Sex siffror. Har du inte telefonen kan du i stället skriva en av dina återställningskoder.',
    en: 'Six digits. If you do not have your phone, enter one of your recovery codes instead.',
  },
  codeButton: { sv: 'Fortsätt', en: 'Continue' },
  enterCode: { sv: 'Fyll i koden från appen.', en: 'Enter the code from the app.' },
  wrongCode: {
    sv: 'Koden stämmer inte. Kontrollera att du använder koden för Utblick och att klockan i telefonen går rätt, och försök igen.',
    en: 'The code is not right. Check that you are using the code for Utblick and that your phone’s clock is right, and try again.',
  },
  usedCode: {
    sv: 'Koden har redan använts. Vänta tills appen visar en ny kod och skriv in den.',
    en: 'That code has already been used. Wait for the app to show a new code and enter it.',
  },
  cancel: { sv: 'Avbryt inloggningen', en: 'Cancel signing in' },
  lostPhone: {
    sv: 'Har du varken telefonen eller dina återställningskoder? Kontakta kommunens administratör av Utblick.',
    en: 'Have neither your phone nor your recovery codes? Contact your municipality’s Utblick administrator.',
  },

  // Second factor: set up
  setupTitle: { sv: 'Skydda kontot med tvåstegsverifiering', en: 'Protect your account with two-step verification' },
  setupLead: {
    sv: 'Alla som arbetar i Utblick loggar in i två steg: lösenordet och en kod från en app i telefonen. Det gör du en gång nu.',
    en: 'Everyone who works in Utblick signs in in two steps: the password and a code from an app on the phone. You set it up once, now.',
  },
  setupStep1: {
    sv: 'Installera en autentiseringsapp i telefonen om du inte redan har en, till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP.',
    en: 'Install an authenticator app on your phone if you do not have one, for example Microsoft Authenticator, Google Authenticator or FreeOTP.',
  },
  setupStep2: {
    sv: 'Lägg till ett konto i appen genom att skanna QR-koden. Går det inte, välj att skriva in nyckeln själv och ange kontonamnet och nyckeln nedan. Välj tidsbaserad kod om appen frågar.',
    en: 'Add an account in the app by scanning the QR code. If that does not work, choose to enter the key yourself and enter the account name and the key below. Choose time-based if the app asks.',
  },
  qrAlt: {
    sv: 'QR-kod som lägger till ditt Utblick-konto i autentiseringsappen. Samma uppgifter står som text nedan.',
    en: 'QR code that adds your Utblick account to the authenticator app. The same details are given as text below.',
  },
  setupStep3: { sv: 'Skriv in koden som appen visar.', en: 'Enter the code the app shows.' },
  accountName: { sv: 'Kontonamn', en: 'Account name' },
  secretKey: { sv: 'Nyckel', en: 'Key' },
  uriLabel: {
    sv: 'Adress för appar som kan läsa in en otpauth-länk',
    en: 'Address for apps that can read an otpauth link',
  },
  setupButton: { sv: 'Slå på tvåstegsverifiering', en: 'Turn on two-step verification' },

  // Recovery codes
  recoveryTitle: { sv: 'Dina återställningskoder', en: 'Your recovery codes' },
  recoveryLead: {
    sv: 'Om du tappar bort telefonen kan du logga in med en av de här koderna i stället för koden från appen. Varje kod fungerar en gång.',
    en: 'If you lose your phone you can sign in with one of these codes instead of the code from the app. Each code works once.',
  },
  recoveryWarn: {
    sv: 'Spara koderna nu, till exempel utskrivna i ett låst skåp eller i en lösenordshanterare. De visas bara den här gången.',
    en: 'Save the codes now, for example printed and locked away or in a password manager. They are shown this once only.',
  },
  recoveryContinue: { sv: 'Jag har sparat koderna – fortsätt', en: 'I have saved the codes – continue' },
  twoStepOn: { sv: 'Tvåstegsverifiering är påslagen.', en: 'Two-step verification is on.' },

  // Forgotten password
  forgotTitle: { sv: 'Glömt lösenordet', en: 'Forgotten password' },
  forgotLead: {
    sv: 'Skriv e-postadressen till ditt konto. Vi skickar en länk där du väljer ett nytt lösenord.',
    en: 'Enter the email address of your account. We will send a link where you choose a new password.',
  },
  forgotButton: { sv: 'Skicka länken', en: 'Send the link' },
  forgotSentTitle: { sv: 'Titta i din e-post', en: 'Check your email' },
  forgotSent: {
    sv: 'Om det finns ett konto med adressen {email} har vi skickat en länk dit. Länken gäller i 30 minuter och kan användas en gång. Hittar du inget mejl, titta i skräpposten.',
    en: 'If there is an account with the address {email}, we have sent a link to it. The link works for 30 minutes and can be used once. If you cannot find the email, check your spam folder.',
  },
  tooManyResets: {
    sv: 'Det har kommit för många förfrågningar om nytt lösenord härifrån. Vänta en stund och försök igen.',
    en: 'Too many password reset requests have come from here. Wait a while and try again.',
  },
  backToSignIn: { sv: 'Tillbaka till inloggningen', en: 'Back to signing in' },

  // Reset
  resetTitle: { sv: 'Välj ett nytt lösenord', en: 'Choose a new password' },
  resetLead: {
    sv: 'När du har sparat det nya lösenordet loggas du ut överallt och loggar in igen med det nya lösenordet.',
    en: 'When you have saved the new password you are signed out everywhere and sign in again with the new password.',
  },
  newPassword: { sv: 'Nytt lösenord', en: 'New password' },
  newPasswordHint: {
    sv: 'Minst 12 tecken. Ett bra sätt är tre eller fyra ord som inte hör ihop.',
    en: 'At least 12 characters. Three or four unrelated words work well.',
  },
  confirmPassword: { sv: 'Skriv det nya lösenordet igen', en: 'Enter the new password again' },
  enterConfirm: { sv: 'Skriv det nya lösenordet en gång till.', en: 'Enter the new password once more.' },
  mismatch: { sv: 'Lösenorden är inte likadana. Skriv samma lösenord i båda fälten.', en: 'The passwords do not match. Enter the same password in both fields.' },
  resetButton: { sv: 'Spara det nya lösenordet', en: 'Save the new password' },
  resetInvalidTitle: { sv: 'Länken fungerar inte längre', en: 'The link no longer works' },
  resetInvalid: {
    sv: 'Länken har redan använts eller är äldre än 30 minuter. Be om en ny länk.',
    en: 'The link has already been used or is older than 30 minutes. Ask for a new link.',
  },
  newLink: { sv: 'Be om en ny länk', en: 'Ask for a new link' },

  // Notices after a redirect (?klart=…)
  notices: {
    utloggad: { sv: 'Du är utloggad.', en: 'You are signed out.' },
    'utloggad-overallt': { sv: 'Du är utloggad på alla enheter.', en: 'You are signed out on all devices.' },
    'nytt-losenord': { sv: 'Lösenordet är bytt. Logga in med det nya lösenordet.', en: 'Your password has been changed. Sign in with the new password.' },
    avbruten: { sv: 'Inloggningen är avbruten.', en: 'Signing in has been cancelled.' },
    'session-slut': { sv: 'Din inloggning har gått ut. Logga in igen.', en: 'Your session has expired. Sign in again.' },
  } satisfies Record<string, Text>,

  // Account
  account: { sv: 'Mitt konto', en: 'My account' },
  details: { sv: 'Dina uppgifter', en: 'Your details' },
  name: { sv: 'Namn', en: 'Name' },
  enterName: { sv: 'Fyll i ditt namn.', en: 'Enter your name.' },
  nameTooLong: { sv: 'Namnet får ha högst 200 tecken.', en: 'The name must be 200 characters or fewer.' },
  saveName: { sv: 'Spara namnet', en: 'Save the name' },
  signInMethod: { sv: 'Inloggning', en: 'Signing in' },
  methodPassword: { sv: 'Lösenord och kod från app', en: 'Password and code from an app' },
  methodOidc: { sv: 'Kommunens inloggning (enkel inloggning)', en: 'Your organisation’s sign-in (single sign-on)' },
  changePassword: { sv: 'Byt lösenord', en: 'Change password' },
  changePasswordLead: {
    sv: 'När du har bytt lösenord loggas du ut på alla andra enheter.',
    en: 'When you change your password you are signed out on all other devices.',
  },
  currentPassword: { sv: 'Nuvarande lösenord', en: 'Current password' },
  enterCurrent: { sv: 'Fyll i ditt nuvarande lösenord.', en: 'Enter your current password.' },
  wrongCurrent: { sv: 'Det nuvarande lösenordet stämmer inte.', en: 'The current password is not right.' },
  noPassword: {
    sv: 'Ditt konto har inget lösenord eftersom du loggar in med kommunens inloggning. Vill du kunna logga in med lösenord kan du välja ett via ”Glömt lösenordet” på inloggningssidan.',
    en: 'Your account has no password because you sign in with your organisation’s sign-in. If you want to sign in with a password too, choose one through “Forgotten your password” on the sign-in page.',
  },
  savePassword: { sv: 'Byt lösenord', en: 'Change password' },
  language: { sv: 'Språk', en: 'Language' },
  languageLegend: { sv: 'Språk i Utblick och i e-post från Utblick', en: 'Language in Utblick and in email from Utblick' },
  swedish: { sv: 'Svenska', en: 'Swedish (svenska)' },
  english: { sv: 'Engelska (English)', en: 'English' },
  saveLanguage: { sv: 'Spara språket', en: 'Save the language' },
  chooseLanguage: { sv: 'Välj svenska eller engelska.', en: 'Choose Swedish or English.' },
  recoveryHeading: { sv: 'Återställningskoder', en: 'Recovery codes' },
  recoveryLeft: { sv: 'Du har {n} oanvända återställningskoder av 10.', en: 'You have {n} unused recovery codes out of 10.' },
  recoveryNew: { sv: 'Skapa nya återställningskoder', en: 'Create new recovery codes' },
  recoveryNewHint: { sv: 'De gamla koderna slutar då att fungera.', en: 'The old codes then stop working.' },
  signOutEverywhere: { sv: 'Logga ut överallt', en: 'Sign out everywhere' },
  signOutEverywhereLead: {
    sv: 'Loggar ut dig på alla datorer och telefoner, även den här. Använd det om du har glömt att logga ut någonstans.',
    en: 'Signs you out on all computers and phones, this one included. Use it if you forgot to sign out somewhere.',
  },
  accountNotices: {
    namn: { sv: 'Namnet är sparat.', en: 'Your name has been saved.' },
    losenord: { sv: 'Lösenordet är bytt. Du är utloggad på alla andra enheter.', en: 'Your password has been changed. You are signed out on all other devices.' },
    sprak: { sv: 'Språket är sparat.', en: 'Your language has been saved.' },
  } satisfies Record<string, Text>,
} as const;

/** The password-reset mail. `{name}`, `{link}` and `{minutes}` are filled in. */
export const RESET_MAIL = {
  subject: { sv: 'Välj ett nytt lösenord i Utblick', en: 'Choose a new password in Utblick' },
  text: {
    sv: `Hej {name}!

Någon, förhoppningsvis du, har bett om ett nytt lösenord till ditt konto i Utblick. Öppna länken för att välja ett nytt lösenord:

{link}

Länken gäller i {minutes} minuter och kan bara användas en gång. Du behöver fortfarande koden från appen i telefonen när du loggar in.

Har du inte bett om ett nytt lösenord kan du bortse från det här mejlet. Ditt lösenord är då oförändrat.

Vänliga hälsningar
Utblick
`,
    en: `Hello {name},

Someone, hopefully you, has asked for a new password for your Utblick account. Open the link to choose a new password:

{link}

The link works for {minutes} minutes and can be used only once. You will still need the code from the app on your phone when you sign in.

If you did not ask for a new password, you can ignore this email. Your password stays as it is.

Kind regards
Utblick
`,
  },
} as const;

export { fill } from '../../i18n/index.js';
