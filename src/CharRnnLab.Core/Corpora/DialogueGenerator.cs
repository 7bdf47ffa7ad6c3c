using CharRnnLab.Core.Corpora.Generation;

namespace CharRnnLab.Core.Corpora;

/// <summary>
/// Chapters of made-up prose in which characters talk in typographic double quotes (“…”). Paragraphs are wrapped
/// at <see cref="GeneratorConfig.WrapWidth"/>, so long speeches run across line breaks: the
/// structure behind Karpathy's quote neuron and line-length neuron. Tracks: <see cref="CorpusTracks.Quote"/>.
/// </summary>
public sealed class DialogueGenerator : ICorpusGenerator
{
    /// <summary>
    /// Narration draws on the first 10 words of each class and speech on the next 10. With the full
    /// lexicon a 2×128 model spends its first minutes of training on spelling; with a stock it masters
    /// quickly, what is left to learn is structure: whose words come next, where lines wrap. Separate
    /// stocks make "inside a quotation" predict nearly every word of a speech, so one cell holding it
    /// pays for itself (Karpathy's quote cell).
    /// </summary>
    public const int WordsPerClass = 10;

    public string Name => "dialogue";

    public void WriteDocument(TrackedText output, DeterministicRandom random, GeneratorConfig config)
    {
        var grammar = new ProseGrammar(random, WordsPerClass);
        var speech = new ProseGrammar(random, WordsPerClass, firstWord: WordsPerClass);
        var cast = Enumerable.Range(0, random.Between(2, 4)).Select(_ => grammar.NewCharacter()).ToList();
        output.Append(Heading(random, grammar)).Append("\n\n");
        int paragraphs = random.Between(8, 28);
        for (int p = 0; p < paragraphs; p++)
        {
            int start = output.Length;
            switch (random.Weighted(25, 50, 25))
            {
                case 0: WriteNarration(output, grammar, cast, random.Between(2, 7)); break;
                case 1: WriteSpeech(output, random, grammar, speech, cast); break;
                default:
                    WriteNarration(output, grammar, cast, random.Between(1, 3));
                    output.Append(' ');
                    WriteSpeech(output, random, grammar, speech, cast);
                    break;
            }
            output.WrapFrom(start, config.WrapWidth);
            output.Append(p == paragraphs - 1 ? "\n" : "\n\n");
        }
    }

    private static string Heading(DeterministicRandom random, ProseGrammar grammar)
    {
        int n = random.Between(1, 60);
        return random.Next(3) switch
        {
            0 => "CHAPTER " + English.Roman(n),
            1 => $"Chapter {n}: The {English.Capitalize(grammar.Adjective())} {English.Capitalize(grammar.Noun())}",
            _ => $"{English.Roman(n)}.",
        };
    }

    private static void WriteNarration(TrackedText output, ProseGrammar grammar, List<Character> cast, int sentences)
    {
        for (int s = 0; s < sentences; s++)
        {
            if (s > 0) output.Append(' ');
            output.Append(grammar.Narration(cast));
        }
    }

    /// <summary>One utterance in one of the common attribution styles.</summary>
    private static void WriteSpeech(TrackedText output, DeterministicRandom random, ProseGrammar grammar, ProseGrammar speechGrammar, List<Character> cast)
    {
        var speaker = random.Pick(cast);
        var listener = cast.FirstOrDefault(c => c != speaker) ?? speaker;
        string who = random.Chance(0.5) ? speaker.Name : speaker.Subject;
        string manner = random.Chance(0.3) ? " " + grammar.Adverb() : "";
        int style = random.Weighted(4, 3, 2, 2);
        string speech = style == 2 ? "" : speechGrammar.Speech(speaker, listener);
        switch (style)
        {
            case 0: // "Speech," she said quietly.
                Quote(output, WithComma(speech));
                output.Append($" {who} {grammar.SpeechVerb(speech)}{manner}.");
                break;
            case 1: // Ada said, "Speech."
                output.Append($"{English.Capitalize(who)} {grammar.SpeechVerb(speech)}{manner}, ");
                Quote(output, speech);
                break;
            case 2: // "First," she said, "rest."   or   "Ada," he said. "Next sentence."
                var (first, rest) = speechGrammar.SplitSpeech(speaker, listener);
                Quote(output, first + ",");
                bool newSentence = char.IsUpper(rest[0]) && !rest.StartsWith("I ", StringComparison.Ordinal);
                output.Append($" {who} {grammar.SpeechVerb(rest)}{manner}{(newSentence ? "." : ",")} ");
                Quote(output, rest);
                break;
            default: // "Speech."
                Quote(output, speech);
                break;
        }
    }

    /// <summary>
    /// Speech in typographic quotes, as modern books print it. Distinct opening and closing marks let one
    /// cell set and reset itself on the mark alone; with ASCII '"' it must also remember which mark this
    /// is, and a 2×128 model learns the cell more slowly (corpora/README.md has the numbers).
    /// </summary>
    private static void Quote(TrackedText output, string speech) =>
        Markup.Emit(output, $"{Markup.OpeningQuote}{speech}{Markup.ClosingQuote}");

    /// <summary>A speech's final full stop becomes a comma before its attribution; ? and ! stay.</summary>
    private static string WithComma(string speech) => speech.EndsWith('.') ? speech[..^1] + "," : speech;
}
