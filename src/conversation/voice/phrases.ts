import type { Language } from '../../util/language.js';

/**
 * Every fixed sentence a caller can hear, per language. `languageOffer` is spoken in its own language
 * after the greeting of a call in another one ("Para español, diga español." on an English call). Fixed texts are what Polly synthesises once and
 * caches; anything the model says is spoken with <Say>. The greeting says it is an AI, before anything else.
 */
export const PHRASE_KEYS = [
  'greeting', 'reprompt', 'silenceGoodbye', 'goodbye', 'filler1', 'filler2', 'filler3', 'gaveUp',
  'switched', 'optedOut', 'hiddenNumber', 'stillHere', 'apology', 'languageOffer',
] as const;
export type PhraseKey = (typeof PHRASE_KEYS)[number];

export const FILLERS = ['filler1', 'filler2', 'filler3'] as const satisfies readonly PhraseKey[];

export const PHRASES: Record<Language, Record<PhraseKey, string>> = {
  en: {
    greeting: "Hello, you're speaking with an AI assistant. How can I help you today?",
    reprompt: "Sorry, I didn't hear anything. What would you like to ask?",
    silenceGoodbye: "I still can't hear you, so I'll end the call now. Call back any time. Goodbye.",
    goodbye: 'Thank you for calling. Take care, goodbye.',
    filler1: 'One moment, please.',
    filler2: 'Still thinking, thank you for waiting.',
    filler3: 'Almost there.',
    gaveUp: "Sorry, I couldn't find an answer in time. Could you ask me again?",
    switched: "Of course, I'll speak English. How can I help?",
    optedOut: 'This number is unsubscribed from this service. Text START to use it again. Goodbye.',
    hiddenNumber: 'Sorry, this service can only answer calls from a number that is not hidden. Goodbye.',
    stillHere: "I'm still here if you'd like to talk.",
    apology: 'Sorry, something went wrong on our side. Please call again in a few minutes. Goodbye.',
    languageOffer: 'For English, say English.',
  },
  es: {
    greeting: 'Hola, está hablando con un asistente de inteligencia artificial. ¿En qué puedo ayudarle hoy?',
    reprompt: 'Perdone, no he oído nada. ¿Qué le gustaría preguntar?',
    silenceGoodbye: 'Sigo sin oírle, así que voy a terminar la llamada. Puede llamar cuando quiera. Adiós.',
    goodbye: 'Gracias por llamar. Cuídese, adiós.',
    filler1: 'Un momento, por favor.',
    filler2: 'Sigo pensando, gracias por esperar.',
    filler3: 'Ya casi está.',
    gaveUp: 'Lo siento, no he encontrado una respuesta a tiempo. ¿Puede preguntarme de nuevo?',
    switched: 'Claro, hablaré en español. ¿En qué puedo ayudarle?',
    optedOut: 'Este número está dado de baja de este servicio. Envíe START por mensaje para volver a usarlo. Adiós.',
    hiddenNumber: 'Lo siento, este servicio solo puede atender llamadas de números que no estén ocultos. Adiós.',
    stillHere: 'Sigo aquí si quiere hablar.',
    apology: 'Lo siento, algo ha fallado por nuestra parte. Vuelva a llamar en unos minutos. Adiós.',
    languageOffer: 'Para español, diga español.',
  },
  fr: {
    greeting: "Bonjour, vous parlez avec un assistant d'intelligence artificielle. Comment puis-je vous aider aujourd'hui ?",
    reprompt: "Pardon, je n'ai rien entendu. Que souhaitez-vous demander ?",
    silenceGoodbye: "Je ne vous entends toujours pas, je vais donc raccrocher. Rappelez quand vous voulez. Au revoir.",
    goodbye: "Merci de votre appel. Prenez soin de vous, au revoir.",
    filler1: 'Un instant, s’il vous plaît.',
    filler2: 'Je réfléchis encore, merci de patienter.',
    filler3: 'Presque fini.',
    gaveUp: "Désolé, je n'ai pas trouvé de réponse à temps. Pouvez-vous me reposer la question ?",
    switched: 'Bien sûr, je vais parler français. Comment puis-je vous aider ?',
    optedOut: 'Ce numéro est désabonné de ce service. Envoyez START par SMS pour le réutiliser. Au revoir.',
    hiddenNumber: 'Désolé, ce service ne peut répondre qu’aux appels dont le numéro n’est pas masqué. Au revoir.',
    stillHere: 'Je suis toujours là si vous voulez parler.',
    apology: "Désolé, un problème est survenu de notre côté. Rappelez dans quelques minutes. Au revoir.",
    languageOffer: 'Pour le français, dites français.',
  },
  pt: {
    greeting: 'Olá, você está falando com um assistente de inteligência artificial. Como posso ajudar hoje?',
    reprompt: 'Desculpe, não ouvi nada. O que você gostaria de perguntar?',
    silenceGoodbye: 'Ainda não consigo ouvir você, então vou encerrar a chamada. Ligue quando quiser. Tchau.',
    goodbye: 'Obrigado por ligar. Se cuide, tchau.',
    filler1: 'Um momento, por favor.',
    filler2: 'Ainda estou pensando, obrigado por esperar.',
    filler3: 'Quase pronto.',
    gaveUp: 'Desculpe, não encontrei uma resposta a tempo. Pode me perguntar de novo?',
    switched: 'Claro, vou falar em português. Como posso ajudar?',
    optedOut: 'Este número cancelou a inscrição neste serviço. Envie START por mensagem para usá-lo novamente. Tchau.',
    hiddenNumber: 'Desculpe, este serviço só atende chamadas de números que não estejam ocultos. Tchau.',
    stillHere: 'Continuo aqui se quiser conversar.',
    apology: 'Desculpe, algo deu errado do nosso lado. Ligue novamente em alguns minutos. Tchau.',
    languageOffer: 'Para português, diga português.',
  },
  de: {
    greeting: 'Hallo, Sie sprechen mit einem KI-Assistenten. Wie kann ich Ihnen heute helfen?',
    reprompt: 'Entschuldigung, ich habe nichts gehört. Was möchten Sie fragen?',
    silenceGoodbye: 'Ich kann Sie immer noch nicht hören, deshalb beende ich den Anruf. Rufen Sie jederzeit wieder an. Auf Wiederhören.',
    goodbye: 'Danke für Ihren Anruf. Alles Gute, auf Wiederhören.',
    filler1: 'Einen Moment, bitte.',
    filler2: 'Ich denke noch nach, danke fürs Warten.',
    filler3: 'Gleich geschafft.',
    gaveUp: 'Entschuldigung, ich habe nicht rechtzeitig eine Antwort gefunden. Können Sie noch einmal fragen?',
    switched: 'Natürlich, ich spreche Deutsch. Wie kann ich helfen?',
    optedOut: 'Diese Nummer ist von diesem Dienst abgemeldet. Schicken Sie START per SMS, um ihn wieder zu nutzen. Auf Wiederhören.',
    hiddenNumber: 'Entschuldigung, dieser Dienst kann nur Anrufe von nicht unterdrückten Nummern annehmen. Auf Wiederhören.',
    stillHere: 'Ich bin noch da, wenn Sie reden möchten.',
    apology: 'Entschuldigung, bei uns ist etwas schiefgelaufen. Bitte rufen Sie in ein paar Minuten wieder an. Auf Wiederhören.',
    languageOffer: 'Für Deutsch, sagen Sie Deutsch.',
  },
};
