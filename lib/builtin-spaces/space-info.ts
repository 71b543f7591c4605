/** What a built-in Space says about itself: the words of its /config and /info, and of its progress and failures. */
export interface BuiltinSpaceInfo {
  id: string;
  title: string;
  description: string;
  endpointDescription: string;
  /** Progress label while the engine works, and the word for its failures. */
  working: string;
  failure: string;
}
