/**
 * Context clauses and wrappers: the parts of a question that set a frame ("from the image's perspective",
 * "in the real world", "based on gravity") or are politeness ("could you tell me", "please"). Our relations
 * treat the image frame and the real-world frame alike (DESIGN.md: left/right from the camera, up against
 * gravity), so a frame is recorded in the explanation and dropped; it never becomes part of an object name.
 *
 * Works on normalised text (normalize.ts): lower case, "'s" removed, commas as their own token.
 */

/** Phrases dropped wherever they occur. Each is a regex source over normalised words. */
const VIEWER = '(?:the |a |my |our |your |this |an? )?(?:viewer|viewers|camera|cameras|image|photo|picture|photograph|photographer|observer|observers|real world|real life|3d|world|scene|person taking the (?:photo|picture)|onlooker|spectator|pictures|images|camera lens|lens|eye|eyes|human|typical|normal|top|bird eye|side)';
const FRAME_PHRASES: readonly string[] = [
  `(?:from|in|with respect to|relative to|according to|based on|using|taking|adopting|through) ${VIEWER} (?:perspective|point of view|viewpoint|vantage point|standpoint|frame of reference|frame|pov|view|angle|eyes)`,
  `(?:from|in|with respect to|relative to) (?:the |a )?(?:perspective|point of view|viewpoint|vantage point|standpoint|view|eyes) of ${VIEWER}`,
  `(?:as|when|if) (?:it is |they are |one is )?(?:seen|viewed|looked at|observed|pictured|shown|captured|depicted) (?:from|by|in|through) ${VIEWER}`,
  `(?:as|when|if) (?:seen|viewed) from the front`,
  `(?:in|within|inside|on|of|across) (?:the|this|that|our) (?:image|photo|picture|photograph|scene|frame|shot|snapshot|3d scene|point cloud|view|room shown|space shown)`,
  `(?:in|within) (?:the |this )?(?:image|photo|picture|scene) (?:shown|provided|given|above|here)`,
  `(?:in|within) (?:the |a )?(?:real|physical|actual) (?:world|life|space|scene|terms|measurements?)|in reality|in 3d(?: space)?|in three dimensional space|in real terms|physically|in actual fact`,
  `(?:based on|according to|with respect to|relative to|with regard to|considering|taking into account|in terms of|measured by|along) (?:the )?(?:direction of )?gravity`,
  `(?:taking|that took|who took|which took|used to take|that captured|capturing|that shot) (?:this|the) (?:photo|picture|image|shot|photograph)`,
  `(?:in|from|seen in|visible in|shown in|depicted in) (?:the )?(?:foreground and background|given image|given photo|provided image|provided photo)`,
  `(?:if|when|while) (?:you|we|i) (?:look|looking) at (?:the|this) (?:image|photo|picture|scene)`,
  `(?:judging|judged|going) (?:by|from) (?:the |this )?(?:image|photo|picture|scene|looks|appearance)`,
  `(?:roughly|approximately|about|around|exactly|precisely|more or less|give or take|in total|overall|all in all|in general|generally|actually|really|just|please|kindly|then|now|so|well|ok|okay|hey|hi|quick question|quickly|thanks|thank you)`,
  `(?:do|can|could|would|will|might) you (?:please )?(?:tell|let) (?:me|us)(?: know)?|(?:can|could|would|will) you (?:please )?(?:say|check|work out|figure out|find out|estimate|measure|compute|calculate|determine|provide|give|state|report|guess|see|confirm|verify)`,
  `(?:i|we) (?:would like|want|wanted|need|needed|d like|would love|am trying|are trying) to (?:know|find out|learn|understand|figure out|check)|i am (?:curious|wondering)(?: about)?|i wonder|i was wondering|do you know|any idea|any clue|let me know|tell me|tell us|show me|give me|help me`,
];

const FRAME_RE = new RegExp(`(?<![a-z0-9])(?:${FRAME_PHRASES.join('|')})(?![a-z0-9])`, 'g');

/** An opening clause before a comma that only sets a frame ("considering ..., ", "in the image, "). */
const OPENERS = '(?:considering|given|taking into account|taking|judging|judged|looking|look|based|according|with respect|with regard|regarding|in terms|in|from|using|observing|examining|analyzing|analysing|studying|in light of|keeping in mind|bearing in mind)';
const OPENING_CLAUSE = new RegExp(`^${OPENERS}\\b[^,]*? , `);

/** "..., right?", "..., yes or no?", "... or not": a statement asked as a yes/no question. */
const TAG = /(?: , (?:right|correct|true|no|yes|agreed)| ,? (?:yes or no|or not|isnt it|is not it|am i right|true or false))$/;

/** "is it true that", "would you say", "do you think", "i wonder if": a yes/no question around a statement. */
const YES_NO_WRAPPER = /\b(?:is it (?:not )?true that|is it (?:not )?the case that|isnt it (?:true|the case) that|would you say(?: that)?|do you think(?: that)?|would you agree(?: that)?|can you confirm(?: that)?|could you confirm(?: that)?|confirm(?: that)?|check (?:whether|if)|tell (?:me )?(?:whether|if)|(?:i )?wonder (?:whether|if)|whether|true or false)\b/;

/** "right next to", "right behind": an intensifier, not the direction "right". */
const INTENSIFIER_RIGHT = /\bright (?=next to|behind|in front|above|below|under|underneath|beneath|beside|by|near|there|here|now|away|on top|over|across|up|down|at)/g;

export interface Framed {
  /** the text with frames and wrappers taken out */
  text: string;
  /** what was taken out, for the explanation */
  dropped: string[];
  /** a statement wrapped or tagged as a yes/no question */
  yesNo: boolean;
}

/**
 * Take the frames out of a normalised question. A leading clause before a comma ("Considering the sizes of
 * A and B in the image, ...") is dropped only when it has no question word of its own and what follows it
 * still names something; otherwise its mentions are kept and only its frame phrases go.
 */
export function takeFrames(text: string, keepsMeaning: (rest: string) => boolean): Framed {
  const dropped: string[] = [];
  let t = ` ${text} `;
  let yesNo = false;
  t = t.replace(INTENSIFIER_RIGHT, (m) => {
    dropped.push(m.trim());
    return '';
  });
  t = t.replace(FRAME_RE, (m) => {
    dropped.push(m.trim());
    return ' ';
  });
  t = tidy(t);
  const tag = TAG.exec(t);
  if (tag && !/\b(?:which|what|who|how|where)\b/.test(t.slice(0, tag.index))) {
    dropped.push(tag[0].replace(/^ ?, /, '').trim());
    t = t.slice(0, tag.index);
    yesNo = true;
  }
  const wrapper = YES_NO_WRAPPER.exec(t);
  if (wrapper) {
    dropped.push(wrapper[0]);
    t = tidy(t.slice(0, wrapper.index) + ' ' + t.slice(wrapper.index + wrapper[0].length));
    yesNo = true;
  }
  const open = OPENING_CLAUSE.exec(t);
  // "from the sofa, ...", "looking at the tv, ...": a clause that places the asker at an object is the question's
  const viewpoint = open !== null && /^(?:from|looking|look)\b/.test(open[0]) && keepsMeaning(open[0].replace(/ , $/, ''));
  if (open && !viewpoint && !/\b(?:which|what|who|how|where)\b/.test(open[0])) {
    const rest = t.slice(open[0].length);
    if (keepsMeaning(rest)) {
      dropped.push(open[0].replace(/ , $/, ''));
      t = rest;
    }
  }
  return { text: tidy(t), dropped: dropped.filter((d) => d.length > 0), yesNo };
}

function tidy(t: string): string {
  return t.replace(/\s+/g, ' ').replace(/(?: ,)+/g, ' ,').replace(/^(?: ?, ?)+|(?: ,)+ ?$/g, '').trim();
}
