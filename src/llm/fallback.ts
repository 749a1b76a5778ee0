/** What the person gets when the LLM cannot answer in time: short, honest, and never silence. */
export function fallbackReply(): string {
  return "Sorry, I'm having trouble answering right now. Please try again in a few minutes.";
}
