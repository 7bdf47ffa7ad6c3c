using System.IO.Compression;
using System.Text;
using CharRnnLab.Core.Checkpoints;
using static CharRnnLab.Core.Tests.Fixtures.TrainingFixtures;

namespace CharRnnLab.Core.Tests.Checkpoints;

/// <summary><see cref="CheckpointFile.Verify"/>: a whole checkpoint under any file name, and clear errors naming the file as shown.</summary>
public class CheckpointVerifyTests
{
    private const string ShownAs = "my-model.crnn";

    [Fact]
    public async Task A_whole_checkpoint_under_another_name_gives_its_metadata()
    {
        using var dir = new TempDirectory();
        await RunToEnd(RepetitiveCorpus(), TinyModel(layers: 2), TinyTraining(6), dir.Path);
        string upload = dir.File("upload.tmp");
        File.Copy(Path.Combine(dir.Path, CheckpointFile.FileName), upload);

        var meta = CheckpointFile.Verify(upload, ShownAs);

        Assert.Equal((6, "tiny", 2), (meta.Iteration, meta.CorpusName, meta.Model.Layers));
        Assert.Equal(6, meta.History.Count);
    }

    [Theory]
    [InlineData("text file", "not a readable CharRnnLab checkpoint")]
    [InlineData("no weights", "it has no model.bin")]
    [InlineData("short weights", "not a readable CharRnnLab checkpoint")]
    [InlineData("newer format", "newer than this program understands")]
    [InlineData("no resume state", "it has no state.bin")]
    public async Task A_bad_file_is_refused_with_its_shown_name(string damage, string expected)
    {
        using var dir = new TempDirectory();
        await RunToEnd(RepetitiveCorpus(), TinyModel(), TinyTraining(3), dir.Path);
        string path = Path.Combine(dir.Path, CheckpointFile.FileName);
        Damage(path, damage);

        var error = Assert.Throws<CheckpointException>(() => CheckpointFile.Verify(path, ShownAs));

        Assert.StartsWith(ShownAs, error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(dir.Path, error.Message);
    }

    [Fact]
    public void A_missing_file_says_so()
    {
        using var dir = new TempDirectory();
        Assert.Contains($"{ShownAs} does not exist", Assert.Throws<CheckpointException>(() => CheckpointFile.Verify(dir.File("x"), ShownAs)).Message);
    }

    private static void Damage(string path, string how)
    {
        if (how == "text file")
        {
            File.WriteAllText(path, "a text file renamed to .crnn");
            return;
        }
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        if (how == "no resume state")
        {
            zip.GetEntry("state.bin")!.Delete();
            return;
        }
        var entry = zip.GetEntry(how == "newer format" ? "meta.json" : "model.bin")!;
        string meta = "";
        if (how == "newer format")
            using (var reader = new StreamReader(entry.Open())) meta = reader.ReadToEnd();
        entry.Delete();
        if (how == "no weights") return;
        using var stream = zip.CreateEntry(entry.FullName).Open();
        stream.Write(how == "newer format"
            ? Encoding.UTF8.GetBytes(meta.Replace("\"formatVersion\": 1", "\"formatVersion\": 99"))
            : [0x43, 0x52, 0x4E, 0x57, 10, 0, 0, 0, 1, 2]);
    }
}
