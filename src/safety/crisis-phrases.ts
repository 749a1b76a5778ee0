/**
 * What the crisis detector looks for, in the phrase language of `phrase-pattern.ts` (folded: no accents,
 * no doubled letters, apostrophes dropped). English, Spanish, French, Portuguese and German side by side.
 *
 * `strong` phrases say it plainly; `weak` ones are hints a person in crisis often writes ("I can't do
 * this anymore"). Both fire: a missed crisis costs far more than a caring message sent to someone who is
 * fine. IDIOMS are cut out of the text before matching ("this traffic is killing me", "me muero de
 * hambre"), so a real signal later in the same message still counts.
 */
import type { Language } from '../util/language.js';

export const CRISIS_CATEGORIES = ['suicide', 'medical', 'self_harm', 'abuse', 'violence'] as const;
export type CrisisCategory = (typeof CRISIS_CATEGORIES)[number];

/** Phrases by the language they are written in (a match also tells which language the person wrote); `any` for words shared by several. */
export type PhrasesByLanguage = Partial<Record<Language | 'any', readonly string[]>>;

export interface PhraseRules {
  strong: PhrasesByLanguage;
  weak: PhrasesByLanguage;
}

const WANT_EN = '(want|wanna|going|gonna|gona|need|ready|about|trying|plan|planning|thinking+about|thinking+of|thought+about|decided|will|ill|i+will|gotta|have|try|tried)';
const INTENT_EN = '(want+to|wanna|going+to|gonna|will|ill|about+to|plan+to|planning+to|thinking+about|thinking+of|thought+about|feel+like|urge+to|urges+to|scared+im+going+to|afraid+im+going+to|afraid+ill|scared+ill|might|could+really)';
const RELATIONS_EN = 'husband wife boyfriend girlfriend partner ex baby son daughter kid kids child children newborn mom mother dad father boss roommate neighbor neighbour brother sister family coworker teacher stepdad stepmom'.split(' ');
const PEOPLE_EN = `(him|her|them|someone|somebody|people|everyone|everybody|the+baby|${RELATIONS_EN.map((r) => `my+${r}`).join('|')})`;
const ABUSER_EN = '(he|hes|she|shes|they|husband|boyfriend|bf|partner|ex|fiance|stepfather|stepdad|father|dad|uncle|brother|cousin|wife|girlfriend|mother|mom|stepmother|pimp|boss)';
// Who says "X is going to kill me" and means it: partners, not a parent or a boss angry about grades or lateness.
const PARTNER_EN = '(he|hes|husband|boyfriend|bf|partner|ex|fiance|pimp)';

export const CRISIS_RULES: Record<CrisisCategory, PhraseRules> = {
  suicide: {
    strong: {
      en: [
        '(kill|killing|killed|unalive|unaliving|off|offing|hang|hanging|shoot|shooting|drown|drowning|poison|poisoning|suffocate|suffocating|gas) (myself|my+self|meself|mself|myslef)',
        '(kill|killing|end|ending|unalive|hang|hanging|shoot) (herself|himself|themselves|themself)',
        'kms', 'unalive*', 'sewer+slide', 'sewerslide', 'comit sudoku', 'toaster bath',
        '(want|wants|wanted|wanna|wana|ready|deserve|wish|wishing|long|longing|just+want|going) to? die', 'want to be dead',
        '(end|ending|take|taking|ended|took) (my|her|his|their) own? life', '(end|ending) (it|everything) (all|tonight|today|now|forever)', `${WANT_EN} to? end (it|everything)`, '(i|to|and|just) end it $', 'end everything', '(want|wish|need) (it|everything|this) (all)? to (be+over|end|stop)', '(painles|easiest|quickest|fastest|best|surest) (way|ways) to (go|die|end+it|kill+myself|do+it)',
        '(going+to|gonna|wil|want+to|plan+to|planning+to|about+to) (take|swallow) (all|everything)', 'swallow everything', '(if|hope|pray) i (dont|never|do+not) wake up', '(want|wanna|wish|rather|just+want) to? (not|stop) (exist|existing|be+alive|living)', 'not exist anymore',
        '(drive|crash|driving|crashing|drove) (my+car|myself|into) ~3 (wall|tree|traffic|bridge|oncoming|truck)', '(how+to|ways+to|how+do+you|how+do+i) (kill|hang|shoot|poison|drown|unalive|off) (yourself|myself|oneself|urself|yourselves)',
        '(wont|not|wil+not|never) be (alive|here|around) (tomorrow|much+longer|by+morning|next+week|anymore)', '(dont+think|doubt) ~2 be (alive|here|around) (tomorrow|much+longer|by+morning|next+week)',
        '(think|thinking|thought|thoughts) (about|of) (dying|death|my+death|not+being+here)', '(rather|prefer+to|prefer) ~1 (be+dead|die|not+exist|not+be+alive)',
        'sleep (forever|and+never|and+not+wake)', '(dont|do+not) want to wake up', 'nothing (left)? to live for', 'ways to (die|kill+myself|end+it|end+my+life)', '(pils|pils+does+it+take) to (die|kill+me|end+it)',
        '(better|happier) off (dead|without+me)', 'be (better|happier) ~4 (dead|without+me|if+i+was+gone|if+i+wasnt+here)', 'happier if i (killed|was+dead|died|was+gone)',
        'wish ~3 (dead|never+born|never+been+born)', '(wish|want|wanna|hope|pray) ~7 (never|not|dont) wake up',
        '(dont|do+not|no+longer) want to (be+alive|exist|live+anymore|live+any+more|keep+living|go+on|be+here+anymore)',
        '(no|dont+see|dont+have|lost|without|whats|what+is) ~2 (reason|point|purpose) ~3 (to+live|living|to+be+alive|to+go+on|going+on|in+life+anymore)',
        '(cant|canot|can+not) go on living', 'done with (life|living)', 'life (isnt|is+not|aint|not) worth (living|it)', 'tired of (living|being+alive|life)',
        '(jump|jumping|throw+myself|throwing+myself) (of|from|of+of) ~2 (bridge|building|roof|cliff|balcony|window|overpass)',
        '(jump|step|walk|throw+myself) (in+front+of|under) (a|the)? (train|bus|truck|car|traffic)',
        '(nobody|no+one|noone|none+of+them) ~4 (mis|care|notice) ~3 (if|when) ~3 (gone|dead|die|died|disappeared)',
        '(overdose|od|overdosing) on purpose', 'goodbye (leter|leters|note|notes) ~3 (family|kids|everyone|mom)',
      ],
      es: [
        '(me+quiero|me+voy+a) suicidar*', '(quiero|quisiera|deseo|ganas+de|voy+a|pienso+en|pensando+en|pense+en|prefiero|me+gustaria) (morir|morirme|matarme|suicidarme|quitarme+la+vida)', '^ (morir|matarme) ', 'me quiero morir', 'me voy a matar',
        'se (quiere|va+a) (matar|morir|suicidar)', '(quitarme|quitar) la vida', '(acabar|terminar) con mi vida', '(ya)? no quiero (vivir|seguir+viviendo|estar+viva|estar+vivo)',
        'mejor (muerta|muerto)', 'ojala ~2 (muerta|muerto)', 'no tiene sentido ~2 (vivir|seguir)', 'sin (razon|razones|motivo) para vivir',
        '(dormir|dormirme) y no despertar', 'no despertar (nunca|jamas|mas)', 'nadie me (extranaria|echaria)', 'no quiero despertar*', '(tirarme|lanzarme|aventarme|arrojarme) (del|de+un|de+una|de+la|por+la|al|a+las|a+la)', '(dejar|deje) de existir', 'no existir', 'no vale la pena (vivir|seguir)',
      ],
      fr: [
        '(veux|jveux|voudrais|envie+de|vais|pense+a|penser+a|prefere|prefererais) (mourir|me+tuer|mtuer|me+suicider|en+finir|me+foutre+en+lair|disparaitre+pour+toujours)',
        '(veut|va) (mourir|se+tuer|se+suicider|en+finir)', 'fin a (mes|ses) jours', 'en finir (avec+la+vie|avec+ma+vie|une+bonne+fois)', '(envie|veux|vais|jveux) den finir', '(veux|veut) plus vivre', '(plus|pas) envie de vivre', '(veux+pas|veux+plus) me reveiller', '(ne+plus|plus) exister', 'mieux (mort|morte|sans+moi)',
        'personne ne me (regreterait|manquerait|regretera)', '(si|quand) je (mourais|meurs|disparaisais)',
      ],
      pt: [
        '(quero|vou|penso+em|pensando+em|pensei+em|vontade+de|queria) (morer|me+matar|matar+me|suicidar|me+suicidar|sumir+para+sempre)', '(quer|vai) se matar',
        'nao quero (mais+viver|viver+mais)', 'acabar com a? minha vida', 'tirar a? minha (propria)? vida', 'melhor (morta|morto)',
        'ninguem (sentiria|vai+sentir|ia+sentir) (minha)? falta', 'nao vale a pena viver', 'nunca mais acordar', '(deixar|parar) de existir', 'nao quero (mais)? acordar',
      ],
      de: [
        '(will|mochte|moechte|wil) (sterben|tot+sein)', '(mich|sich) (umbringen|toten|erhangen|erschiesen|das+leben+nehmen)', 'bringe mich ~2 um',
        'selbstmord*', 'suizid*', 'freitod', '(nicht+mehr|nie+mehr) leben (will|mochte|wollen)', '(will|mochte|wil) (nicht+mehr|nie+mehr) leben',
        '(meinem|mein) leben ~2 (ende|beenden)', '(mir|sich) das leben nehmen', 'besser tot', 'niemand ~3 vermisen', '(nach|daran|will|mochte|werde|plane|versuche|versucht|wil) ~1 (mich|sich) (umzubringen|zu+toten)', 'das leben zu nehmen', 'lebensmude', 'nicht mehr existieren', '(keinen|kein) sinn ~2 (im+leben|zu+leben|mehr+zu+leben)', '(will|mochte) nicht mehr aufwachen', 'mir (was|etwas) antun',
      ],
      // Words shared by several languages: they say nothing about which one.
      any: ['suicid*'],
    },
    weak: {
      en: ['(cant|canot|can+not) (go+on|keep+going|do+this|take+it|take+this|handle+this) (anymore|any+more|no+more)', 'want to (disappear|vanish) (forever|for+good)', '(pils|rope|gun) (ready|saved|stockpiled)', 'tonight is the night', 'said (my|our) goodbyes', '(im|i+am) (a|such+a) burden', '(is|be) my last (night|day)', 'giving away (my|all+my) (things|stuff|belongings)', 'wont need (them|it|anything) (anymore|much+longer|soon)', '(cant|canot) live like this', 'end (my|the) (suffering|pain)'],
      es: ['(quiero|voy+a) desaparecer', 'soy una carga', 'quiero que todo (termine|acabe)', 'ya no (puedo|aguanto) mas'],
      fr: ['je suis un fardeau', '(je+nen|jen|je+ne) peux plus'],
      pt: ['(quero|vou) sumir', 'sou um peso', 'nao aguento mais'],
      de: ['hat (alles)? keinen sinn mehr', 'ich kann nicht mehr'],
    },
  },
  self_harm: {
    strong: {
      en: [
        '(cut|cutting|burn|burning|burned|burnt|hurt|hurting|harm|harming|scratch|scratching|punish|punishing|starve|starving|hit|hitting|punch|punching|bite|biting|stab|stabbing) (myself|my+self|meself)',
        '(burn*|cut|cuting|hurt|scratch*|hit|punch*|bit|bite|stab*) ~6 on purpose', '(burn|burning|cut|cutting|carve|carving) my (skin|arms|arm|legs|leg|wrists|wrist|thighs|thigh|stomach)', '(need|want|urge|urges) to cut (to|again|myself)', '(need|want|urge|urges) to cut $', 'self harm*', 'selfharm*', 'self injur*', 'self mutilat*', '(been|started|start|cutting) cutting again', 'cutting again', '(only+thing|helps|urge|urges|stop|relapse|relapsed|started) ~3 cutting $',
        '(cut|slit|slice|cutting|sliting) (my|the)? (wrist|wrists|arm|arms|thigh|thighs|veins|vein)',
        '(relapse|relapsed) ~3 (cutting|self+harm|selfharm)', '(scratch|scratching|pick|picking) ~3 (until|til|till) ~2 bled*',
      ],
      es: [
        'cortarme', '(estado|estoy|sigo|volvi+a) cortando', 'cortando (los|mis) (brazos|munecas|piernas)', 'me corte (otra+vez|de+nuevo|los+brazos|las+munecas|las+venas|las+piernas)', 'me estoy cortando', 'me corto',
        '(hacerme|me+hago|me+hice) dano', '(lastimarme|me+lastimo|quemarme|me+quemo)', 'autolesion*',
      ],
      fr: [
        'me (scarifie|scarifier|faire+du+mal|fais+du+mal|fait+du+mal|couper|blesser+expres|brule+expres)', 'scarifi*', 'automutil*', 'me suis ~1 (coupe|coupee)',
      ],
      pt: [
        'me (cortei|cortar|corto|machuco)', 'quero me machucar', 'me machucar de proposito', 'automutila*',
      ],
      de: [
        'ritz*', 'geritzt', '(mich|mir) ~2 (selbst)? (verletzen|verletze|wehtun|weh+tun|schneiden|schneide)', 'verletze mich', 'selbstverletz*',
      ],
    },
    weak: {},
  },
  violence: {
    strong: {
      en: [
        `${INTENT_EN} ~1 (kill|killing|murder|murdering|stab|stabbing|shoot|shooting|strangle|strangling|hurt|hurting|harm|harming|beat|poison|poisoning|choke|drown|smother|smothering|shake|shaking) ${PEOPLE_EN}`,
        '(shoot|shooting) up (my|the|a|this) (school|ofice|work|church|mall|place|class)', '(stab|shoot|strangle|murder|kill) (someone|somebody|people|everyone|everybody)', 'use it on (him|her|them|someone|somebody|my)', '(knife|gun|weapon) ~8 (kill|stab|shoot|hurt) (him|her|them|someone|somebody)',
      ],
      es: [
        '(voy+a|quiero|ganas+de|pienso+en|podria) (matar+a|matarlo|matarla|matarlos|apunalar*|hacerle+dano|lastimar+a|golpear+a)', 'quiero (matarlo|matarla)',
        'miedo de (hacerle+dano|lastimar|matar) a (mi|mis)',
      ],
      fr: [
        '(vais|veux|vas|envie+de|jveux) (le|la|les|l) (tuer|poignarder|buter|etrangler)', '(vais|veux|envie+de) (tuer|poignarder|buter|etrangler) (mon|ma|mes|son|sa|quelquun|qqn|tout+le+monde)',
        'faire du mal a (mon|ma|mes) (bebe|enfant|enfants|fils|fille|mari|femme)',
      ],
      pt: [
        '(vou|quero|vontade+de) (matar|esfaquear|machucar) (ele|ela|eles|meu|minha|o|a|alguem)', 'medo de (machucar|matar|fazer+mal+a) (meu|minha|o|a) (bebe|filho|filha)',
      ],
      de: [
        'bringe (ihn|sie|meinen+man|meine+frau|jemanden|dich) um', '(will|werde|mochte) (ihn|sie|meinen|meine|jemanden|ihm|dich) ~1 (umbringen|toten|erstechen|erschiesen|wehtun|verletzen)',
        '(meinem|dem|mein|das) (baby|kind|sohn|tochter) ~2 (antun|anzutun|wehtun|weh+zu+tun|weh+tun)',
      ],
    },
    weak: {},
  },
  abuse: {
    strong: {
      en: [
        `${ABUSER_EN} ~2 (hits|hit|beats|beat|chokes|choked|strangled|strangles|kicked|kicks|punched|punches|slapped|slaps|pushed|shoved|raped|rapes|abuses|abused|hurts|hurt|threatens|threatened|touches|touched|molested|burned|burns) me`,
        `${PARTNER_EN} ~2 (is|s|will|wil|gonna|going+to|is+going+to|might|wants+to|tried+to|tries+to|said|says|swore|promised) ~2 kill me`,
        'threat* ~3 (kill|hurt|harm) me', '(grabbed|grabs|held|holds|choked|chokes) me by (the|my) (throat|neck|hair)', `${ABUSER_EN} ~2 (hitting|beating|choking|hurting|strangling|kicking|punching|slapping|raping|abusing) me`,
        'forced me ~3 (sex|have+sex|do+things|to+do+sexual)', 'made me have sex', `${PARTNER_EN} ~2 (is|gets|getting|becomes) violent`, '(locked|locks) me (in|up|inside)', '(being|been|was|were|got|im|am|get|getting) (abused|raped|molested|sexualy+asaulted|asaulted|beaten|traficked)',
        'sexualy (abused|asaulted|abusing)', '(raped|molested) me', 'domestic (violence|abuse)', '(afraid|scared|terified) (of|to+go) ~2 (husband|boyfriend|partner|him|home)',
      ],
      es: [
        'me (pega|pego|golpea|golpeo|golpean|pegan|maltrata|maltrato|viola|violo|violaron|ahorca|ahorco|empuja|empujo|patea|pateo|amenaza|amenazo)', 'amenazo con (matarme|hacerme+dano|pegarme)',
        'violencia (domestica|de+genero|familiar)', '(abuso|abusaron|abusa) (sexual|de+mi)', 'miedo (de|a) (volver+a+casa|mi+esposo|mi+pareja|mi+novio)',
      ],
      fr: [
        '(me|mon+mari+me|il+me) (frape|frapait|bat|batait|viole|etrangle|menace|agrese)', '(il|mon+mari|mon+copain|mon+ex) (va|veut) me tuer', 'ma (frape|frapee|batue|violee|menacee|etranglee|pousee|agresee)',
        'violence* (conjugale*|domestique*)', 'peur de (rentrer|mon+mari|mon+copain|lui)',
      ],
      pt: [
        'me (bate|bateu|agride|agrediu|espanca|espancou|estuprou|violentou|ameaca|ameacou|chutou|empurou|enforcou)', '(ameaca|ameacou) ~2 (matar|me+matar)', 'violencia domestica', 'medo de (voltar+para+casa|meu+marido|ele)',
      ],
      de: [
        '(schlagt|schlug|verprugelt|tritt|wurgt|bedroht|vergewaltigt|misbraucht|mishandelt) mich', 'hat mich ~1 (geschlagen|vergewaltigt|misbraucht|gewurgt|getreten|bedroht|verprugelt)',
        '(gedroht|droht) ~2 (umzubringen|toten|umbringen)', 'hausliche gewalt', 'hat mir ~3 (getreten|geschlagen)', 'angst vor (meinem+man|meinem+freund|ihm)',
      ],
    },
    weak: { en: ['(wont|doesnt) let me (leave|go+out|see+my)', 'takes my phone ~3 (wont|doesnt)'] },
  },
  medical: {
    strong: {
      en: [
        '(bleding|bled|bleds|blod) ~2 (heavily|heavy|a+lot|alot|so+much|lots|everywhere|wont+stop|nonstop|non+stop|through|wont+stop)', '(so+much|a+lot+of|lots+of|tons+of|too+much|full+of) blod',
        'heavy (bleding|blod|bleed)', '(soaking|soaked|soak|filing|filled) ~3 (pad|pads|towel|towels|sheets)',
        '(cant|canot|can+not|unable+to|can+barely|cant+barely|struggling+to) (breathe|breath|breathing)', '(not|isnt|stopped|stop|arent) breathing', '(doesnt|isnt|wont) breathe',
        '(took|take|taken|swallowed|ate|had) (too+many|too+much|a+lot+of|all+my|all+the|all+of+my|a+whole+bottle|the+whole+bottle|a+bottle+of|a+handful+of) (pils|tablets|meds|medication|medicine|medicines|tylenol|paracetamol|advil|ibuprofen|sleeping|oxy|xanax)',
        '(baby|babys|bebe) ~2 (isnt|not|stopped|hasnt|has+not|doesnt|wont|no+longer|is+not) ~1 (moving|move|moved|kicking|kick|kicked)',
        '(havent|have+not|not|dont|cant|didnt|no+longer) (felt|feel|feeling) ~2 (baby|babys|him|her|kicks|movement|movements)',
        '(water|waters) (broke|broken|has+broken|just+broke)', 'chest (pain*|hurts|tight*|presure)',
        '(severe|bad|worst|teribl|terible|pounding) headache ~4 (vision|seing+spots|blury|blured|swelling|swolen)', '(blury|blured) vision', 'seing spots',
        'gasping for (air|breath)', '(cant|canot) catch my breath', '(throat|airway) ~2 (closing|swelling|swolen)', '(vomiting|throwing+up|coughing+up|coughing) blod', 'fel down the stairs', 'seizur*', '(unconscious|unresponsive|wont+wake+up|not+waking+up|cant+wake+him|cant+wake+her|cant+wake+them)', '(lips|face|skin|baby|fingers) ~2 (turning|turned|is|are|going) blue', '(turning|turned|going) blue', '(gone|went|is|going|gos) limp', '(vision|eyes) (is|are|went|going|gone|so)? (blury|blured)', '(face|hands|feet) ~2 (swolen|swelling|pufy) ~4 (weks|pregnant|headache|vision)', '(wont|not|isnt|doesnt|cant) (respond|responding|wake+up|waking+up)',
        '(drank|swallowed|ingested|ate|drink|swallow) ~2 (bleach|poison|antifreze|detergent|battery|batteries|drain+cleaner|pils|medicine|medication|tablets)', 'poisoned',
        '(im|i+am|hes|shes|baby+is|he+is|she+is|is) choking', '(having|had|think+im+having|is+having) a? (stroke|heart+atack)', 'anaphyla*',
      ],
      es: [
        '(sangro|sangrando|sangrado|sangre) ~2 (mucho|abundante|fuerte|sin+parar|demasiado|no+para|por+todos+lados)', 'hemoragia*', 'hemoragie*',
        'no (puedo|logro|consigo|puede) respirar', '(no|deja+de|dejo+de) respira*', '(tome|tomo|se+tomo) ~2 (demasiadas|muchas|todas+las) (pastillas|pildoras|medicinas|tabletas)',
        'sobredosis', '(trago|tomo|bebio|se+tomo|se+trago) ~2 (cloro|veneno|lejia|pastillas|medicinas)', '(bebe) ~2 no se (mueve|mueva|ha+movido)', '(se+me+rompio|rompi|rompio|se+rompio) ~1 (la+fuente|fuente|aguas|la+bolsa)', 'dolor ~3 pecho',
        '(desmayo|desmaye|desmayada|desmayado|inconsciente)', 'no (despierta|responde|reacciona)',
      ],
      fr: [
        '(saigne|saignement|saignements|sang) ~2 (beaucoup|abondant*|fort|enormement|sans+arret|trop|partout)', '(narive|arive) pas a respirer', '(ne+peux|peux) (pas|plus) respirer',
        'pris trop de (medicaments|cachets|comprimes|pilules)', 'surdose', 'avale ~2 (medicaments|cachets|comprimes|javel|poison|pile)', 'bebe ~1 ne bouge (plus|pas)', 'perdu les eaux', 'crise depilepsie', 'inconscient*', 'ne respire (pas|plus)', 'douleur* ~2 poitrine',
      ],
      pt: [
        '(sangrando|sangramento|sangrar|sangue) ~2 (muito|forte|demais|sem+parar|intenso)', 'nao (consigo|consegue|da+pra) respirar', 'nao respira', '(parou|parando|parar) de respirar', 'nao (esta|ta)? respirando', '(engoliu|bebeu|tomou) ~2 (agua+sanitaria|veneno|remedios|comprimidos)',
        'tomei (remedios|comprimidos|pilulas|remedio) demais', 'tomei (muitos|muitas|todos+os|todas+as) (remedios|comprimidos|pilulas)', 'bebe ~2 nao (se+mexe|mexe|se+mexeu)',
        'bolsa (estourou|rompeu)', 'desmai*', 'dor no peito',
      ],
      de: [
        '(blute|blutung|blutungen|bluten) ~2 (stark|sehr|viel|heftig)', 'starke blutung*', '(kann+nicht|kann+kaum|bekome|krieg|kriege|habe) (atmen|keine+luft|kaum+luft|kaum+atmen)',
        'zu viele tableten', 'uberdosis', 'baby ~1 bewegt sich (nicht|kaum)', 'fruchtblase ~6 geplatzt', 'krampfanfal*', 'bewustlos', 'atmet nicht', 'atmet nicht mehr', '(getrunken|verschluckt|geschluckt) ~2 (bleiche|gift|tableten)', '(gift|tableten|bleiche) ~2 (getrunken|verschluckt|geschluckt)', 'brustschmerz*', 'schmerzen ~2 brust',
      ],
      // Words shared by several languages: they say nothing about which one.
      any: ['overdos*', 'convuls*'],
    },
    weak: { en: ['(fainted|pased+out|colapsed)'] },
  },
};

/** Phrases cut out before matching: idioms built from crisis words, and negations of them. */
export const IDIOMS: readonly string[] = [
  // en
  '(dont|do+not|never|doesnt|didnt|not) (want|wanna|wana) to? die', 'die (my|your|her|his|the) hair',
  '(cut|cutting|hurt|burned|burnt|burn|scratched) myself (shaving|cooking|chopping|while|by+acident|acidentaly|lifting|playing|gardening|badly|on+the|on+a|on+my|on+some|at+the|at+work|at+the+gym|with+the|with+a|with+my)',
  'breathe (through|out+of|thru) (my|the|your) nose', '(lol|lmao|lmfao|haha|hahaha|laughing) ~2 (cant|canot) breathe', '(cant|canot) breathe ~2 (lol|lmao|lmfao|haha|hahaha|laughing)',
  'suicide squad', '(die|died|dying) (of|from) (embarasment|boredom|laughter|laughing|curiosity|shame|cuteness)', '(beat|beats) me (at|in|to|by)', '^ beats me', '(kicked|kick) me out', 'hit me up', '# kms', 'kms (away|from|to|per|a+day)',
  '(what|how+much|how+many|is+it|can+you) ~4 overdos*', 'end it with', 'pushed me to', 'bled* ~2 (heavily|a+lot) ~2 (last+month|period)',
  // es
  'no quiero morir', '(morir|morirme|muero|muerta|muerto) de (la)? (verguenza|risa|hambre|sueno|calor|frio|ganas|miedo|aburimiento|envidia|cansancio)', '(me+corte|cortarme) (el|los|las|la) (pelo|cabelo|unas|fleco|flequillo|dedo)', 'me pego (un|una|el|la|su) (resfriado|gripe|virus|susto|chicle)',
  // fr
  '(ne|n)? (veux|veut|voulais) pas mourir', 'me suis ~1 (coupe|coupee|couper) (les|mes) (cheveux|ongles|frange)', 'mourir de (rire|faim|froid|chaud|envie|honte|peur)',
  // pt
  'nao quero morer', '(morer|morendo|mori|morta|morto) de (vergonha|rir|fome|sono|tedio|saudade|medo|cansaco|vontade)', 'matar o tempo', 'matar a? saudade',
  // de
  'ritz (cracker*|carlton)',
];

/**
 * When a whole phrase was spelled out letter by letter ("K I L L M Y S E L F") its word breaks are lost;
 * these folded keys, without spaces, are looked for inside such runs.
 */
export const SPELLED_OUT_KEYS: Record<CrisisCategory, readonly string[]> = {
  suicide: ['kilmyself', 'suicid', 'unalive', 'endmylife', 'wantodie', 'quieromorir', 'matarme', 'metuer', 'veuxmourir', 'queromorer', 'selbstmord', 'umbringen', 'willsterben'],
  self_harm: ['selfharm', 'cutmyself', 'cutingmyself', 'hurtmyself'],
  violence: [],
  abuse: [],
  medical: ['overdos', 'cantbreathe', 'bledingheavily', 'sobredosis', 'surdose', 'uberdosis'],
};
