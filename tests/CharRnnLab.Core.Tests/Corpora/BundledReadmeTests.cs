using System.Globalization;
using System.Text.RegularExpressions;
using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Core.Tests.Corpora;

/// <summary>The READMEs in corpora/&lt;id&gt;/ state the size and vocabulary of what the generator produces.</summary>
public class BundledReadmeTests
{
    [Theory]
    [InlineData("dialogue")]
    [InlineData("wiki")]
    [InlineData("code")]
    [InlineData("mixed")]
    public void Readme_states_the_generated_size_and_vocabulary_and_a_loss_line(string id)
    {
        string root = SourceCorpus.FindRepoRoot(AppContext.BaseDirectory)!;
        string readme = File.ReadAllText(Path.Combine(root, "corpora", id, "README.md"));
        string text = BundledCorpora.Get(id).Text;

        long size = long.Parse(Regex.Match(readme, @"Size: ([\d,]+) bytes").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        int lines = int.Parse(Regex.Match(readme, @"([\d,]+) lines").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        int vocabulary = int.Parse(Regex.Match(readme, @"Vocabulary: (\d+) symbols").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), size);
        Assert.Equal(text.Split('\n').Length, lines);
        Assert.Equal(text.Distinct().Count(), vocabulary);
        Assert.Matches(@"(?m)^- Reference validation loss: ", readme);
    }
}
