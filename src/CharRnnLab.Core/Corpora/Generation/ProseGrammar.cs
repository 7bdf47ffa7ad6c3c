namespace CharRnnLab.Core.Corpora.Generation;

/// <summary>Someone in a scene, with the pronouns narration needs.</summary>
internal sealed record Character(string Name, string Subject, string Object, string Possessive);

/// <summary>
/// A small phrase-structure grammar over <see cref="Lexicon"/>: noun phrases, past-tense
/// narration and present-tense speech of varied length. Plain strings; quoting is the caller's job.
/// </summary>
/// <param name="r">The document's random source.</param>
/// <param name="wordsPerClass">Use only this many words of each word list (names, nouns, adjectives, verbs,
/// adverbs, prepositions, speech verbs): a smaller stock is learned sooner, leaving a small model room
/// for structure.</param>
/// <param name="firstWord">Where in each list the stock starts: two grammars with stocks that do not
/// overlap talk about different things (the dialogue's narration and its speech).</param>
internal sealed class ProseGrammar(DeterministicRandom r, int wordsPerClass = int.MaxValue, int firstWord = 0)
{
    private T Pick<T>(T[] words) => words[firstWord + r.Next(Math.Min(words.Length - firstWord, wordsPerClass))];

    public Character NewCharacter() => r.Chance(0.5)
        ? new Character(Pick(Lexicon.FirstNames), "she", "her", "her")
        : new Character(Pick(Lexicon.FirstNames), "he", "him", "his");

    public string Noun() => Pick(Lexicon.ConcreteNouns);
    public string Adjective() => Pick(Lexicon.Adjectives);
    public string Adverb() => Pick(Lexicon.Adverbs);
    public (string Base, string Past) Transitive() => Pick(Lexicon.TransitiveVerbs);
    public (string Base, string Past) Intransitive() => Pick(Lexicon.IntransitiveVerbs);

    /// <summary>"the lantern", "a rusty key", "her brother's old coat", "the gate of the mill".</summary>
    public string NounPhrase(string? possessive = null)
    {
        string core = (r.Chance(0.45) ? Adjective() + " " : "") + (r.Chance(0.08) ? Adjective() + " " : "") + Noun();
        string phrase = r.Weighted(5, 3, possessive is null ? 0 : 2, 1) switch
        {
            0 => "the " + core,
            1 => English.WithArticle(core),
            2 => possessive + " " + core,
            _ => (r.Chance(0.5) ? "that " : "every ") + core,
        };
        if (r.Chance(0.12)) phrase += " of the " + Noun();
        return phrase;
    }

    /// <summary>"beside the old well".</summary>
    public string Place() => Pick(Lexicon.Prepositions) + " " + NounPhrase();

    private string Subject(Character c) => r.Chance(0.55) ? c.Name : c.Subject;

    private string Time(bool startOfSentence)
    {
        string t = r.Pick(Lexicon.TimePhrases);
        return startOfSentence ? t : char.ToLowerInvariant(t[0]) + t[1..];
    }

    /// <summary>One sentence of past-tense narration about the cast, as novels narrate.</summary>
    public string Narration(IReadOnlyList<Character> cast)
    {
        var a = r.Pick(cast);
        var b = r.Pick(cast);
        string s = r.Next(13) switch
        {
            0 => $"{Subject(a)} {Transitive().Past} {NounPhrase(a.Possessive)}{(r.Chance(0.5) ? " " + Place() : "")}.",
            1 => $"{Time(true)}, {Subject(a)} {Intransitive().Past}{(r.Chance(0.4) ? " " + Adverb() : "")} {Place()}.",
            2 => $"{Subject(a)} {Intransitive().Past} {Place()}, and {Subject(b)} {Transitive().Past} {NounPhrase(b.Possessive)}.",
            3 => $"{English.Capitalize(NounPhrase())} was {Adjective()}{(r.Chance(0.4) ? ", " + Adjective() + "," : "")} and {Adjective()}.",
            4 => $"{Subject(a)} {Transitive().Past} {NounPhrase()} {r.Pick(Lexicon.Subordinators)} {Subject(b)} {Intransitive().Past}{(r.Chance(0.5) ? " " + Adverb() : "")}.",
            5 => $"There was {English.WithArticle(Adjective() + " " + Noun())} {Place()}, and {Subject(a)} {Transitive().Past} it {Adverb()}.",
            6 => $"{Subject(a)} did not {Transitive().Base} {NounPhrase(a.Possessive)}.",
            7 => $"Nobody {Transitive().Past} {NounPhrase()} {Time(false)}.",
            8 => $"{Subject(a)} thought of {NounPhrase()}, of {NounPhrase()}, and of {Pick(Lexicon.AbstractNouns)}.",
            9 => $"{Time(true)}, {Subject(a)} {Intransitive().Past} {Place()} {r.Pick(Lexicon.Subordinators)} {Subject(b)} {Transitive().Past} {NounPhrase()} {Place()}; {Subject(r.Pick(cast))} {Intransitive().Past} {Adverb()}.",
            10 => r.Pick(["Nothing moved.", "It was late.", "The rain kept on.", $"{Subject(a)} {Intransitive().Past}.", $"It was {Adjective()}."]),
            11 => $"{English.Capitalize(a.Possessive)} {Noun()} {Intransitive().Past} {Place()}.",
            _ => $"{Subject(a)} read the words on {NounPhrase()} twice, {Adverb()}, and {Transitive().Past} {NounPhrase(a.Possessive)} {Place()}.",
        };
        return English.Capitalize(s);
    }

    /// <summary>
    /// One to six sentences spoken by <paramref name="speaker"/> to <paramref name="listener"/>: first and
    /// second person, present tense, questions and exclamations, while the narration around them is
    /// third person and past tense, as in a novel. Long speeches that run over several lines are what
    /// make a single "inside quotes" cell worth learning: knowing it predicts almost every word.
    /// </summary>
    public string Speech(Character speaker, Character listener)
    {
        int sentences = r.Weighted(1, 2, 3, 3, 2, 1) + 1;
        return string.Join(" ", Enumerable.Range(0, sentences).Select(_ => SpeechSentence(speaker, listener)));
    }

    private string SpeechSentence(Character speaker, Character listener)
    {
        var t = Transitive();
        string s = r.Next(18) switch
        {
            0 => $"I {t.Base} {NounPhrase("my")} every {r.Pick(["morning", "evening", "week", "winter", "Sunday"])}.",
            1 => $"You {t.Base} {NounPhrase("your")} too, don't you?",
            2 => $"Did you {t.Base} {NounPhrase()}?",
            3 => $"{listener.Name}, we have to {t.Base} {NounPhrase("our")} before {Time(false)}.",
            4 => $"Don't {t.Base} {NounPhrase()}!",
            5 => $"There is {English.WithArticle(Adjective() + " " + Noun())} {Place()}.",
            6 => $"It is {Adjective()}, and it is {Adjective()} -- I can't explain it.",
            7 => $"I'm not {Adjective()}; I'm {Adjective()}.",
            8 => $"{r.Pick(["Where", "Why", "When", "How"])} did you {t.Base} {NounPhrase()}?",
            9 => $"{speaker.Name} never {English.ThirdPerson(t.Base)} anything {Adverb()}, and you know it.",
            10 => $"We'll {Intransitive().Base} {Place()} until {Time(false)}.",
            11 => $"It takes us {r.Pick(Lexicon.NumberWords)} days to {t.Base} {NounPhrase()}.",
            12 => $"You're {Adjective()}, {listener.Name}.",
            13 => r.Pick(["No.", "Yes.", "Of course.", "Perhaps.", "Listen to me.", "Not now.", "Go on.", "I know."]),
            14 => $"If you {t.Base} {NounPhrase()}, I won't {Transitive().Base} {NounPhrase("your")}.",
            15 => $"My {Noun()} is {Adjective()}, but {listener.Possessive} {Noun()} is {Adjective()}.",
            16 => $"Who {English.ThirdPerson(t.Base)} {NounPhrase()} {Place()}?",
            _ => $"They say {English.WithArticle(Adjective() + " " + Noun())} {English.ThirdPerson(Intransitive().Base)} {Place()} {r.Pick(Lexicon.Subordinators)} the {Noun()} {English.ThirdPerson(Intransitive().Base)}.",
        };
        return English.Capitalize(s);
    }

    /// <summary>A speech split around its attribution: ("If you open the gate", "the dog will run away.").</summary>
    public (string First, string Remainder) SplitSpeech(Character speaker, Character listener) => r.Next(3) switch
    {
        0 => ($"If you {Transitive().Base} {NounPhrase()}", $"I will {Transitive().Base} {NounPhrase("your")}."),
        1 => (listener.Name, Speech(speaker, listener)),
        _ => ($"The thing about {NounPhrase()}", $"is that nobody ever {English.ThirdPerson(Transitive().Base)} it {Adverb()}."),
    };

    /// <summary>A verb of saying that fits the speech: questions are asked, statements are not.</summary>
    public string SpeechVerb(string speech) => speech.EndsWith('?')
        ? r.Pick(["asked", "asked", "whispered", "wondered", "demanded"])
        : Pick(Lexicon.SpeechVerbs);
}
