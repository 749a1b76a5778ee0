import { foldText } from '../../safety/fold-text.js';
import { compilePhrases } from '../../safety/phrase-pattern.js';
import type { Language } from '../../util/language.js';

/**
 * Plain-language requests to stop ("please stop texting me", "deja de escribirme", "arrête de m'écrire").
 * Anchored at the start of the message, so "my ex won't stop texting me" is a question for the assistant,
 * not an opt-out.
 */
const OPT_OUT_REQUESTS: Record<Language, RegExp> = {
  en: compilePhrases([
  '^ (please|pls|plz|just|kindly|can+you|could+you|i+want+you+to|i+need+you+to)? (stop|quit) (texting|messaging|sending+me+messages|sending+me+texts|contacting|writing+to|bothering) me',
  '^ (please|pls|plz)? (dont|do+not|never) (text|message|contact|write+to) me (again|anymore|any+more|ever)',
  '^ (please|pls|plz)? (remove|unsubscribe|take) me (from|of)', '^ (please|pls|plz)? unsubscribe me', '^ i (want|would+like|wish) to (unsubscribe|opt+out|stop+receiving|stop+getting)',
  '^ no more (texts|messages) (please|pls)?',
  ]),
  es: compilePhrases([
  '^ (por+favor)? (deja|dejen|deje|para|paren|pare) de (escribirme|enviarme|mandarme|mensajearme|contactarme|molestarme)',
  '^ (por+favor)? no me (escribas|escriban|escriba|envies|envien|mandes|manden|contactes) mas', '^ (quiero|quisiera) (darme+de+baja|cancelar+la+suscripcion|que+dejen+de+escribirme)', '^ (dame|denme|deme) de baja',
  ]),
  fr: compilePhrases([
  '^ (svp|stp|s+il+vous+plait|merci+de)? (arete|aretez|areter) de (mecrire|menvoyer|me+contacter|me+texter|me+deranger)', '^ ne (mecrivez|mecris|menvoyez|menvoie) plus',
  '^ (je+veux|je+voudrais) (me+desabonner|me+desinscrire|ne+plus+recevoir)', '^ desabonne* moi',
  ]),
  pt: compilePhrases([
  '^ (por+favor)? (pare|para|parem) de (me+mandar|me+enviar|mandar|enviar|me+escrever)', '^ (por+favor)? nao me (mande|envie|mandem|enviem|escreva) mais',
  '^ (quero|gostaria+de) (sair|cancelar|me+descadastrar|parar+de+receber)',
  ]),
  de: compilePhrases([
  '^ (bitte)? (hor|hort|horen+sie) auf ~1 (mir|mich) ~2 (zu+schreiben|zu+kontaktieren|zu+schicken|zu+senden)', '^ (bitte)? (schreib|schreiben+sie|schick|schicken+sie) mir (nicht+mehr|keine+nachrichten+mehr|nichts+mehr)',
  '^ (bitte)? keine (nachrichten|sms) mehr', '^ (abmelden|abbestellen)',
  ]),
};
const LANGUAGES = Object.keys(OPT_OUT_REQUESTS) as Language[];

/** The language of the request to stop, or undefined when the message is not one. */
export function optOutRequestLanguage(body: string): Language | undefined {
  const folded = foldText(body);
  return LANGUAGES.find((language) => OPT_OUT_REQUESTS[language].test(folded));
}

export const isOptOutRequest = (body: string): boolean => optOutRequestLanguage(body) !== undefined;
