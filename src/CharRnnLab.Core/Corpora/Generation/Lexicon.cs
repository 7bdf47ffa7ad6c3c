namespace CharRnnLab.Core.Corpora.Generation;

/// <summary>
/// Word lists shared by the prose and wiki generators. Large on purpose: a char-LSTM should
/// learn spelling and grammar, not memorise a handful of templates.
/// </summary>
internal static class Lexicon
{
    private static string[] Words(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static readonly string[] FirstNames = Words(
        "Ada Agnes Alba Aldous Alma Amara Ambrose Anselm Anouk Arden Arlo Astrid August Aurelia Basil Beatrix " +
        "Bertram Blythe Bram Bridget Caius Calla Cassius Cecily Cedric Celeste Clara Clement Cora Cosimo Dagny " +
        "Dalia Darius Delphine Desmond Dora Edmund Elspeth Emeric Enid Esme Ewan Fenna Felix Flora Florian Freya " +
        "Gideon Greta Gwen Hale Hana Hattie Helga Hollis Ida Ignatius Ilse Imogen Ines Ivo Jasper Jolene Josiah " +
        "Juno Kasimir Katya Kit Lars Leda Leopold Lio Lorcan Lucian Lumi Mabel Magnus Maren Marguerite Matthias " +
        "Mei Mireille Moss Nadia Nell Nico Noor Oona Orin Osric Otto Pell Perpetua Pim Quill Rafe Ravi Rhea " +
        "Ronan Rosalind Rowan Ruth Saoirse Selim Sibyl Silas Solveig Sorrel Tamsin Teodor Thea Tobias Ulla Una " +
        "Ursula Valentin Vesna Wren Wilhelmina Yara Yusuf Zelda Zofia Zeno Anika Bastian Corin Dmitri Elodie " +
        "Fabian Gisela Hugo Isolde Joaquin Kaspar Liesel Marisol Nikolai Odile Piet Rosamund Stellan Tove Viggo");

    public static readonly string[] Surnames = Words(
        "Ashdown Bellweather Blackwood Brannock Castellan Corrigan Dunmore Elsworth Fairweather Falk Garrow " +
        "Greaves Halloran Hartigan Hollander Ingram Kestrel Kovac Larkspur Lindqvist Marchbanks Merriweather " +
        "Mortlake Nakamura Okafor Pemberton Quarrie Ravensworth Rook Saltmarsh Sandoval Sorensen Thistlewood " +
        "Trevelyan Underhill Vance Varga Wainwright Whitlock Winterbourne Yarrow Abernathy Blom Crane Delacroix " +
        "Esterhazy Fitzgerald Gallagher Haverford Ishikawa Jablonski Kilbride Lowell Moreau Novak Oyelaran");

    public static readonly string[] ConcreteNouns = Words(
        "lantern window harbour letter kettle bridge orchard ladder carriage candle doorway staircase garden " +
        "meadow river cellar attic chimney fence gate hedge barn mill cottage tower chapel market fountain well " +
        "road path field forest hill valley cliff shore island boat oar sail anchor rope net basket bucket jar " +
        "bottle cup plate spoon knife table chair bench bed blanket pillow curtain mirror clock bell key lock box " +
        "chest drawer shelf book map compass coin purse ring necklace button thread needle scarf coat hat boot " +
        "glove umbrella cane pipe lamp stove oven loaf cheese apple pear plum cherry onion potato cabbage turnip " +
        "honey feather stone pebble shell leaf branch root seed flower rose lily thorn fern reed pond puddle " +
        "cloud moon star horizon ticket train station platform envelope parcel photograph painting violin piano " +
        "drum flute newspaper telegram pencil notebook desk ledger trunk suitcase wagon horse dog cat goose hen " +
        "crow owl sparrow fox hare deer mouse beetle moth bee spider trout cart wheel hammer nail saw axe shovel " +
        "rake hearth kitchen parlour corridor balcony roof porch terrace courtyard alley lane avenue pier dock " +
        "warehouse shop bakery inn tavern library museum theatre hospital school church abbey castle ruin grave " +
        "statue monument lighthouse windmill greenhouse shed stable cabin tent bonfire barrel crate sack blade " +
        "lid hinge latch shutter tile brick beam plank rafter gutter signpost milestone tram ferry canal lock " +
        "quarry mine forge anvil bellows loom spindle quilt cradle rocking-chair wardrobe cupboard pantry larder");

    public static readonly string[] AbstractNouns = Words(
        "silence memory courage patience doubt fear hope grief joy anger pride shame trust promise secret rumour " +
        "reason habit debt favour mistake truth lie chance luck fortune danger warning plan journey winter " +
        "summer autumn spring evening morning afternoon midnight dawn dusk history future past news question " +
        "answer argument bargain apology quarrel wedding funeral harvest festival holiday inheritance suspicion " +
        "loneliness kindness cruelty jealousy ambition mercy duty honour regret relief comfort hunger weather");

    public static readonly string[] Adjectives = Words(
        "old young small large narrow wide tall low heavy light dark bright pale grey green blue red golden " +
        "silver brown black white quiet loud soft hard cold warm damp dry wet empty crowded broken crooked " +
        "straight rusty dusty muddy clean polished faded ancient new strange familiar distant hidden secret " +
        "bitter sweet sour sharp dull gentle fierce careful careless patient restless weary eager anxious calm " +
        "brave timid clever foolish honest stubborn generous cruel kind lonely cheerful gloomy solemn curious " +
        "nervous proud humble tidy ragged elegant plain modest enormous tiny hollow thick thin smooth rough " +
        "wooden iron glass velvet woollen linen copper brass crimson amber ivory scarlet violet emerald pleasant " +
        "awkward peculiar ordinary splendid miserable ridiculous sudden slow quick steady trembling fragile " +
        "sturdy shabby gleaming flickering silent sleepy sullen weathered battered borrowed forgotten unfinished");

    /// <summary>Transitive verbs as base:past.</summary>
    public static readonly (string Base, string Past)[] TransitiveVerbs = Pairs(
        "open:opened close:closed carry:carried find:found lose:lost lift:lifted drop:dropped hold:held " +
        "take:took bring:brought leave:left keep:kept fold:folded mend:mended paint:painted polish:polished " +
        "read:read write:wrote sign:signed seal:sealed hide:hid bury:buried burn:burned break:broke fix:fixed " +
        "fill:filled empty:emptied pour:poured wash:washed sweep:swept cut:cut sell:sold buy:bought " +
        "borrow:borrowed return:returned follow:followed watch:watched notice:noticed remember:remembered " +
        "forget:forgot count:counted measure:measured weigh:weighed pack:packed tie:tied light:lit " +
        "push:pushed pull:pulled drag:dragged throw:threw catch:caught grab:grabbed touch:touched " +
        "study:studied examine:examined thank:thanked blame:blamed forgive:forgave visit:visited " +
        "greet:greeted ignore:ignored feed:fed chase:chased plant:planted pick:picked gather:gathered " +
        "steal:stole guard:guarded lock:locked unlock:unlocked wrap:wrapped bake:baked cook:cooked " +
        "taste:tasted smell:smelled hear:heard see:saw recognise:recognised describe:described " +
        "explain:explained deliver:delivered collect:collected share:shared repair:repaired replace:replaced " +
        "climb:climbed cross:crossed search:searched sketch:sketched answer:answered trust:trusted");

    /// <summary>Intransitive verbs as base:past.</summary>
    public static readonly (string Base, string Past)[] IntransitiveVerbs = Pairs(
        "wait:waited laugh:laughed sigh:sighed smile:smiled frown:frowned nod:nodded shrug:shrugged " +
        "hesitate:hesitated listen:listened sleep:slept wake:woke sit:sat stand:stood kneel:knelt walk:walked " +
        "run:ran wander:wandered hurry:hurried linger:lingered pause:paused tremble:trembled shiver:shivered " +
        "whistle:whistled hum:hummed sing:sang cry:cried weep:wept pray:prayed arrive:arrived " +
        "vanish:vanished appear:appeared rest:rested work:worked swim:swam drift:drifted stumble:stumbled " +
        "turn:turned lean:leaned glance:glanced stare:stared blink:blinked breathe:breathed yawn:yawned " +
        "cough:coughed wince:winced flinch:flinched grumble:grumbled");

    public static readonly string[] SpeechVerbs = Words(
        "said said said said whispered replied muttered called answered insisted admitted murmured " +
        "snapped added began cried laughed sighed protested agreed warned explained repeated shouted declared " +
        "observed remarked suggested");

    public static readonly string[] Adverbs = Words(
        "quietly softly slowly quickly carefully suddenly gently firmly sharply warmly coldly bitterly calmly " +
        "eagerly anxiously patiently absently thoughtfully nervously wearily cheerfully gravely solemnly " +
        "abruptly politely stubbornly sadly happily angrily shyly boldly vaguely plainly");

    public static readonly string[] Prepositions = Words(
        "in on near beside under behind across through toward along past beyond above below against inside " +
        "outside around over by");

    public static readonly string[] TimePhrases =
    [
        "That evening", "The next morning", "Before dawn", "After supper", "By midnight", "In the spring",
        "At the end of the week", "Long before the rain", "When the bells rang", "Once the guests had gone",
        "For a long while", "All afternoon", "Just after noon", "Late in the autumn", "On the third day",
        "Some years later", "Earlier that day", "At first light", "Within the hour", "Before anyone could stop it",
    ];

    public static readonly string[] Subordinators =
        ["because", "although", "while", "until", "before", "after", "as if", "even though", "since", "whenever"];

    public static readonly string[] NumberWords =
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty", "forty", "a hundred"];

    public static readonly string[] Syllables = Words(
        "val dor mer kes tin bra lo sen ar vik ul mo ra ten gard hal rin eth os wyn cor lan fen mir tas bel " +
        "cas dun el fal gor hes ir jor kal lis mun nor or pel quen ros sil tor ur ves wal yr zan");

    public static readonly string[] PlaceSuffixes = Words("ford wick holm stad burg mouth by ton mere dale vik haven");

    private static (string, string)[] Pairs(string list) =>
        Words(list).Select(p => p.Split(':')).Select(p => (p[0], p[1])).ToArray();
}
