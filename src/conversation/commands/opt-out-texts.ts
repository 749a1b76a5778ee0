import type { Language } from '../../util/language.js';

/**
 * Confirmations for STOP / START and the HELP text, in the five languages. Keywords stay in English
 * (START, STOP, HELP): they are what the carrier and this service both understand.
 */
export interface KeywordTexts {
  stopped: string;
  started: string;
  help: string;
  /** Appended to HELP when we know the country's emergency number. */
  emergency: string;
}

export const KEYWORD_TEXTS: Record<Language, KeywordTexts> = {
  en: {
    stopped: 'You have been unsubscribed from {program} and will receive no more messages. Reply START to resubscribe.',
    started: 'You are resubscribed to {program}. Reply HELP for help, STOP to cancel. Msg & data rates may apply.',
    help: '{program}: an AI assistant by text. Support: {contact}. Msg & data rates may apply. Reply STOP to cancel.',
    emergency: 'In an emergency call {emergency}.',
  },
  es: {
    stopped: 'Te has dado de baja de {program} y no recibirás más mensajes. Responde START para volver a suscribirte.',
    started: 'Te has vuelto a suscribir a {program}. Responde HELP para ayuda, STOP para cancelar. Pueden aplicarse tarifas de mensajes y datos.',
    help: '{program}: un asistente de IA por mensaje de texto. Soporte: {contact}. Pueden aplicarse tarifas de mensajes y datos. Responde STOP para cancelar.',
    emergency: 'En una emergencia llama al {emergency}.',
  },
  fr: {
    stopped: 'Vous êtes désabonné·e de {program} et ne recevrez plus de messages. Répondez START pour vous réabonner.',
    started: 'Vous êtes réabonné·e à {program}. Répondez HELP pour de l’aide, STOP pour arrêter. Des frais de messages et de données peuvent s’appliquer.',
    help: '{program} : un assistant IA par SMS. Assistance : {contact}. Des frais de messages et de données peuvent s’appliquer. Répondez STOP pour arrêter.',
    emergency: 'En cas d’urgence, appelez le {emergency}.',
  },
  pt: {
    stopped: 'Você cancelou a inscrição em {program} e não receberá mais mensagens. Responda START para se inscrever de novo.',
    started: 'Você voltou a se inscrever em {program}. Responda HELP para ajuda, STOP para cancelar. Podem ser cobradas tarifas de mensagens e dados.',
    help: '{program}: um assistente de IA por mensagem. Suporte: {contact}. Podem ser cobradas tarifas de mensagens e dados. Responda STOP para cancelar.',
    emergency: 'Em uma emergência, ligue {emergency}.',
  },
  de: {
    stopped: 'Sie haben {program} abbestellt und erhalten keine Nachrichten mehr. Antworten Sie START, um wieder teilzunehmen.',
    started: 'Sie nehmen wieder an {program} teil. Antworten Sie HELP für Hilfe, STOP zum Beenden. Es können Gebühren für Nachrichten und Daten anfallen.',
    help: '{program}: ein KI-Assistent per SMS. Support: {contact}. Es können Gebühren für Nachrichten und Daten anfallen. Antworten Sie STOP zum Beenden.',
    emergency: 'Im Notfall rufen Sie die {emergency} an.',
  },
};
