import type { Language } from '../util/language.js';
import type { CrisisCategory } from './crisis-phrases.js';
import type { Hotline } from './hotlines.js';

/**
 * The words of a crisis reply, in the five languages. Short, warm, no judgement, and the action first:
 * who to contact now. `{lines}` and `{call}` (the emergency call, "call 911") come from the caller's country.
 */
export interface CrisisWords {
  /** Opening, by category. */
  opening: Record<CrisisCategory, string>;
  /** "Please reach out now: {lines}." */
  reachOut: string;
  /** "If you are in immediate danger, {call}." */
  danger: string;
  /** For a medical emergency: call now, don't wait on the assistant. Starts with {call}. */
  medical: string;
  /** "call 911", or "call your local emergency number" when we do not know it. */
  callEmergency(number: string | undefined): string;
  stayInTouch: string;
  /** Voice only: "Stay on the line and I will connect you to {name}." */
  connect: string;
  /** One hotline as a phrase: "call or text 988 (988 Suicide & Crisis Lifeline)". */
  line(hotline: Hotline): string;
}

const en: CrisisWords = {
  opening: {
    suicide: "I'm really glad you told me. You don't have to face this alone.",
    self_harm: "Thank you for telling me. You deserve support, and you don't have to face this alone.",
    violence: 'It sounds like things are overwhelming right now. Please step away from anyone you might hurt.',
    abuse: "I'm so sorry this is happening to you. It is not your fault.",
    medical: 'This sounds like a medical emergency.',
  },
  reachOut: 'Please reach out now: {lines}.',
  danger: 'If you or someone else is in immediate danger, {call}.',
  medical: '{call} now or go to the nearest emergency room. Do not wait for a reply from me.',
  callEmergency: (n) => (n ? `call ${n}` : 'call your local emergency number'),
  stayInTouch: "I'm an AI assistant, and I'm here if you want to keep talking.",
  connect: 'Stay on the line and I will connect you to {name} now.',
  line: (h) => (h.how === 'text' ? `text ${h.keyword} to ${h.number} (${h.name})` : `${h.how === 'call' ? 'call' : 'call or text'} ${h.number} (${h.name})`),
};

const es: CrisisWords = {
  opening: {
    suicide: 'Gracias por contármelo. No tienes que pasar por esto sola ni solo.',
    self_harm: 'Gracias por contármelo. Mereces apoyo y no tienes que pasar por esto a solas.',
    violence: 'Parece que todo es demasiado ahora mismo. Por favor, aléjate de quien podrías lastimar.',
    abuse: 'Siento mucho lo que te está pasando. No es tu culpa.',
    medical: 'Esto parece una emergencia médica.',
  },
  reachOut: 'Por favor, busca ayuda ahora: {lines}.',
  danger: 'Si tú u otra persona están en peligro inmediato, {call}.',
  medical: '{call} ahora o ve a la sala de urgencias más cercana. No esperes mi respuesta.',
  callEmergency: (n) => (n ? `llama al ${n}` : 'llama a tu número local de emergencias'),
  stayInTouch: 'Soy un asistente de IA y sigo aquí si quieres seguir hablando.',
  connect: 'Quédate en la línea y te comunico con {name} ahora.',
  line: (h) => (h.how === 'text' ? `envía ${h.keyword} al ${h.number} (${h.name})` : `${h.how === 'call' ? 'llama al' : 'llama o escribe al'} ${h.number} (${h.name})`),
};

const fr: CrisisWords = {
  opening: {
    suicide: "Merci de me l'avoir dit. Vous n'avez pas à traverser ça seul·e.",
    self_harm: "Merci de me l'avoir dit. Vous méritez du soutien, vous n'êtes pas seul·e.",
    violence: "On dirait que tout est trop lourd en ce moment. Éloignez-vous de la personne que vous pourriez blesser.",
    abuse: "Je suis vraiment désolé que cela vous arrive. Ce n'est pas votre faute.",
    medical: 'Cela ressemble à une urgence médicale.',
  },
  reachOut: 'Contactez quelqu’un maintenant : {lines}.',
  danger: 'Si vous ou quelqu’un d’autre êtes en danger immédiat, {call}.',
  medical: '{call} maintenant ou allez aux urgences les plus proches. N’attendez pas ma réponse.',
  callEmergency: (n) => (n ? `appelez le ${n}` : 'appelez le numéro d’urgence local'),
  stayInTouch: 'Je suis un assistant IA, et je reste là si vous voulez continuer à parler.',
  connect: 'Restez en ligne, je vous mets en relation avec {name}.',
  line: (h) => (h.how === 'text' ? `envoyez ${h.keyword} au ${h.number} (${h.name})` : `${h.how === 'call' ? 'appelez le' : 'appelez ou écrivez au'} ${h.number} (${h.name})`),
};

const pt: CrisisWords = {
  opening: {
    suicide: 'Obrigado por me contar. Você não precisa passar por isso sozinho ou sozinha.',
    self_harm: 'Obrigado por me contar. Você merece apoio e não está só.',
    violence: 'Parece que tudo está pesado demais agora. Por favor, afaste-se de quem você poderia machucar.',
    abuse: 'Sinto muito que isso esteja acontecendo com você. Não é culpa sua.',
    medical: 'Isso parece uma emergência médica.',
  },
  reachOut: 'Procure ajuda agora: {lines}.',
  danger: 'Se você ou outra pessoa estiver em perigo imediato, {call}.',
  medical: '{call} agora ou vá ao pronto-socorro mais próximo. Não espere a minha resposta.',
  callEmergency: (n) => (n ? `ligue ${n}` : 'ligue para o número de emergência local'),
  stayInTouch: 'Sou um assistente de IA e continuo aqui se você quiser conversar.',
  connect: 'Fique na linha que eu vou te conectar com {name} agora.',
  line: (h) => (h.how === 'text' ? `envie ${h.keyword} para ${h.number} (${h.name})` : `${h.how === 'call' ? 'ligue' : 'ligue ou mande mensagem para'} ${h.number} (${h.name})`),
};

const de: CrisisWords = {
  opening: {
    suicide: 'Danke, dass Sie es mir sagen. Sie müssen das nicht allein durchstehen.',
    self_harm: 'Danke, dass Sie es mir sagen. Sie verdienen Unterstützung und sind nicht allein.',
    violence: 'Es klingt, als wäre gerade alles zu viel. Bitte gehen Sie auf Abstand zu der Person, der Sie schaden könnten.',
    abuse: 'Es tut mir sehr leid, dass Ihnen das passiert. Es ist nicht Ihre Schuld.',
    medical: 'Das klingt nach einem medizinischen Notfall.',
  },
  reachOut: 'Bitte holen Sie sich jetzt Hilfe: {lines}.',
  danger: 'Wenn Sie oder jemand anderes in unmittelbarer Gefahr sind: {call}.',
  medical: 'Bitte {call}, jetzt sofort, oder fahren Sie in die nächste Notaufnahme. Warten Sie nicht auf meine Antwort.',
  callEmergency: (n) => (n ? `rufen Sie die ${n} an` : 'rufen Sie den örtlichen Notruf an'),
  stayInTouch: 'Ich bin ein KI-Assistent und bin weiter da, wenn Sie reden möchten.',
  connect: 'Bleiben Sie dran, ich verbinde Sie jetzt mit {name}.',
  line: (h) => (h.how === 'text' ? `schreiben Sie ${h.keyword} an ${h.number} (${h.name})` : `${h.how === 'call' ? 'rufen Sie an:' : 'rufen Sie an oder schreiben Sie:'} ${h.number} (${h.name})`),
};

export const CRISIS_WORDS: Record<Language, CrisisWords> = { en, es, fr, pt, de };
