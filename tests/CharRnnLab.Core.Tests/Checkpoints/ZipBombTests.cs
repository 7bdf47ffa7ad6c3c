using System.Text;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Model;
using Xunit.Abstractions;
using static CharRnnLab.Core.Tests.Fixtures.TrainingFixtures;

namespace CharRnnLab.Core.Tests.Checkpoints;

/// <summary>
/// A checkpoint whose entries inflate to 700 MB each is refused at the first byte past what its
/// promised shapes allow, having cost no more memory than reading a genuine checkpoint of those
/// shapes twice. Memory is measured as the bytes this thread allocates during the call (an upper
/// bound of its peak, and unaffected by other tests or a busy machine: reading is synchronous).
/// </summary>
public sealed class ZipBombTests(ZipBombTests.GenuineCheckpoint genuine, ITestOutputHelper output)
    : IClassFixture<ZipBombTests.GenuineCheckpoint>
{
    private const long Inflated = 700L << 20;

    /// <summary>A 2×128 LSTM (char-rnn's default shape) trained for two iterations: a real file to compare with.</summary>
    public sealed class GenuineCheckpoint : IAsyncLifetime
    {
        public TempDirectory Directory { get; } = new();
        public string Path => System.IO.Path.Combine(Directory.Path, CheckpointFile.FileName);

        public async Task InitializeAsync() =>
            await RunToEnd(RepetitiveCorpus(), new ModelConfig(CellType.Lstm, 2, 128), TinyTraining(2), Directory.Path);

        public Task DisposeAsync()
        {
            Directory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData("history.bin")]
    [InlineData("model.bin")]
    [InlineData("optimizer.bin")]
    [InlineData("state.bin")]
    public void An_entry_inflating_to_700_MB_is_refused_within_twice_the_memory_of_a_genuine_checkpoint(string entry)
    {
        using var dir = new TempDirectory();
        string bomb = dir.File("bomb.crnn");
        CheckpointRewriter.Replace(genuine.Path, bomb, entry, (_, to) => CheckpointRewriter.Zeros(to, Inflated));
        long genuineCost = Allocated(() => CheckpointFile.Verify(genuine.Path, "genuine.crnn"));

        CheckpointException? error = null;
        long bombCost = Allocated(() => error = Assert.Throws<CheckpointException>(() => CheckpointFile.Verify(bomb, "bomb.crnn")));

        output.WriteLine($"{entry}: bomb {new FileInfo(bomb).Length:N0} bytes on disk; reading it allocated {bombCost:N0} bytes, " +
                         $"the genuine checkpoint {genuineCost:N0}");
        Assert.Contains($"{entry} inflates to more than", error!.Message);
        Assert.StartsWith("bomb.crnn is not a readable CharRnnLab checkpoint", error.Message);
        Assert.InRange(bombCost, 0, 2 * genuineCost);
    }

    [Fact]
    public void A_header_that_hides_an_entrys_real_size_costs_no_more_than_a_genuine_checkpoint()
    {
        using var dir = new TempDirectory();
        string bomb = dir.File("bomb.crnn");
        uint genuineSize = 0;
        CheckpointRewriter.Replace(genuine.Path, bomb, "model.bin", (model, to) =>
        {
            genuineSize = (uint)model.Length; // the genuine weights, then 700 MB more that the header does not admit to
            to.Write(model);
            CheckpointRewriter.Zeros(to, Inflated);
        });
        CheckpointRewriter.ClaimSize(bomb, "model.bin", genuineSize);
        long genuineCost = Allocated(() => CheckpointFile.Verify(genuine.Path, "genuine.crnn"));

        // .NET inflates no more than the header admits (today it then accepts the genuine part); either way
        // the hidden 700 MB never reach memory.
        string outcome = "accepted";
        long bombCost = Allocated(() =>
        {
            try { CheckpointFile.Verify(bomb, "bomb.crnn"); }
            catch (CheckpointException ex) { outcome = ex.Message; }
        });

        output.WriteLine($"hidden size: reading allocated {bombCost:N0} bytes, the genuine checkpoint {genuineCost:N0}; {outcome}");
        Assert.InRange(bombCost, 0, 2 * genuineCost);
    }

    [Fact]
    public void A_meta_json_inflating_to_700_MB_is_refused_at_its_cap()
    {
        using var dir = new TempDirectory();
        string bomb = dir.File("bomb.crnn");
        // A well-formed start, then a corpus name that never ends: the costliest JSON to refuse.
        CheckpointRewriter.Replace(genuine.Path, bomb, "meta.json", (meta, to) =>
        {
            string text = Encoding.UTF8.GetString(meta);
            int name = text.IndexOf("\"corpusName\": \"", StringComparison.Ordinal) + "\"corpusName\": \"".Length;
            to.Write(Encoding.UTF8.GetBytes(text[..name]));
            var letters = Enumerable.Repeat((byte)'a', 1 << 20).ToArray();
            for (long written = 0; written < Inflated; written += letters.Length) to.Write(letters);
        });

        CheckpointException? error = null;
        long cost = Allocated(() => error = Assert.Throws<CheckpointException>(() => CheckpointFile.Verify(bomb, "bomb.crnn")));

        output.WriteLine($"meta.json: reading the bomb allocated {cost:N0} bytes (cap {EntryLimits.MetaBytes:N0})");
        Assert.Contains($"meta.json inflates to more than {EntryLimits.MetaBytes:N0} bytes", error!.Message);
        Assert.InRange(cost, 0, 3 * EntryLimits.MetaBytes);
    }

    private static long Allocated(Action read)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        read();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
