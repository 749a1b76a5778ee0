import type { Language } from '../util/language.js';

/**
 * What the person gets when no model can answer: short, honest, in their language, and never silence.
 * Someone describing a symptom is pointed to real help, because "try again later" is not enough for them.
 */
export type Intent = 'symptom' | 'question' | 'other';

const GENERAL: Record<Language, string> = {
  en: "Sorry, I'm having trouble answering right now. Please try again in a few minutes.",
  es: 'Lo siento, tengo problemas para responder en este momento. Por favor, inténtalo de nuevo en unos minutos.',
  fr: "Désolé, j'ai du mal à répondre pour le moment. Merci de réessayer dans quelques minutes.",
  pt: 'Desculpe, estou com dificuldade para responder agora. Por favor, tente novamente em alguns minutos.',
  de: 'Entschuldigung, ich kann gerade nicht antworten. Bitte versuchen Sie es in ein paar Minuten noch einmal.',
};

const SYMPTOM: Record<Language, string> = {
  en: "Sorry, I can't answer right now. If this is urgent, contact your healthcare provider or emergency services.",
  es: 'Lo siento, no puedo responder en este momento. Si es urgente, contacta a tu proveedor de salud o a los servicios de emergencia.',
  fr: "Désolé, je ne peux pas répondre pour le moment. Si c'est urgent, contactez votre professionnel de santé ou les services d'urgence.",
  pt: 'Desculpe, não consigo responder agora. Se for urgente, procure o seu profissional de saúde ou os serviços de emergência.',
  de: 'Entschuldigung, ich kann gerade nicht antworten. Wenn es dringend ist, wenden Sie sich an Ihre Arztpraxis oder den Notruf.',
};

export function cannedReply(intent: Intent, language: Language): string {
  return intent === 'symptom' ? SYMPTOM[language] : GENERAL[language];
}

// Accents are stripped before matching, so "fièvre" and "fievre" both hit. Short words match whole
// ("dor", pt: pain, must not match "dormir"); stems match anywhere in a word, for German compounds
// ("Kopfschmerzen") as much as for endings ("bleeding").
const SYMPTOM_WORDS = new Set([
  'pain', 'pains', 'painful', 'hurt', 'hurts', 'hurting', 'ache', 'aches', 'aching', 'sick', 'ill', 'sore', 'itchy', 'numb', 'rash',
  'mal', 'tos', 'dor', 'doi', 'dores', 'weh', 'wehen', 'blut', 'krank', 'fieber', 'husten', 'toux', 'febre', 'fiebre', 'tosse', 'enjoo',
]);
const SYMPTOM_STEMS = [
  'bleed', 'blood', 'fever', 'headache', 'dizz', 'vomit', 'nause', 'cramp', 'contraction', 'swell', 'swollen', 'cough', 'faint', 'spotting',
  'breath', 'seizure', 'unconscious', 'migraine', 'diarrh', 'infection',
  'dolor', 'duele', 'sangr', 'mareo', 'marea', 'colico', 'contraccion', 'hinch', 'desmay', 'enferm', 'vomito', 'respir',
  'douleur', 'saign', 'fievre', 'vertige', 'vomi', 'crampe', 'gonfl', 'evanoui', 'malade', 'nausee', 'brulure',
  'sangue', 'tontur', 'colica', 'contracoes', 'inchad', 'inchac', 'desmai', 'doente', 'coceira',
  'schmerz', 'blutung', 'blute', 'schwindel', 'erbrech', 'ubelkeit', 'krampf', 'geschwoll', 'schwell', 'ohnmacht', 'durchfall', 'atemnot',
];
const QUESTION_STARTS = new Set([
  'what', 'how', 'when', 'why', 'where', 'which', 'who', 'can', 'could', 'should', 'is', 'are', 'do', 'does', 'will', 'may',
  'que', 'como', 'cuando', 'donde', 'cual', 'quien', 'puedo', 'debo', 'es', 'quoi', 'comment', 'quand', 'pourquoi', 'ou', 'est-ce', 'puis-je',
  'quando', 'onde', 'qual', 'posso', 'devo', 'was', 'wie', 'wann', 'warum', 'wo', 'welche', 'kann', 'darf', 'soll', 'ist',
]);

/** A cheap guess at what the person wanted, for choosing the canned reply. Symptoms win over questions. */
export function classifyIntent(text: string): Intent {
  const words = text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').match(/[\p{L}'-]+/gu) ?? [];
  if (words.some((w) => SYMPTOM_WORDS.has(w) || SYMPTOM_STEMS.some((stem) => w.includes(stem)))) return 'symptom';
  if (/[?¿]/.test(text) || (words[0] !== undefined && QUESTION_STARTS.has(words[0]))) return 'question';
  return 'other';
}
