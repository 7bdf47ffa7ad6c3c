using System.Text;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>A small deterministic text with learnable structure (words, lines, punctuation).</summary>
public static class TestCorpus
{
    private static readonly string[] Subjects = ["the cat", "a dog", "the bird", "my friend", "the teacher"];
    private static readonly string[] Verbs = ["sees", "likes", "finds", "draws", "calls"];
    private static readonly string[] Objects = ["the moon", "a red ball", "the river", "an old book", "the garden"];

    public static string Text(int length)
    {
        var random = new Random(7);
        var text = new StringBuilder(length + 64);
        while (text.Length < length)
        {
            text.Append(Subjects[random.Next(Subjects.Length)]).Append(' ')
                .Append(Verbs[random.Next(Verbs.Length)]).Append(' ')
                .Append(Objects[random.Next(Objects.Length)])
                .Append(random.Next(4) == 0 ? "!\n" : ".\n");
        }
        return text.ToString(0, length);
    }
}
