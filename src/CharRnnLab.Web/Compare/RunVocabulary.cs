using CharRnnLab.Core;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Compare;

/// <summary>
/// How many symbols a run's model reads and predicts: its checkpoint's vocabulary when it has one
/// (exact, also for imported runs), else its corpus's. Reads files: call it off the page thread.
/// </summary>
public sealed class RunVocabulary(RunManager runs, ILabCorpora corpora)
{
    /// <summary>The vocabulary size, or null when neither the checkpoint nor the corpus can be read.</summary>
    public int? SizeOf(RunSummary run)
    {
        try
        {
            var directory = runs.RunDirectory(run.Id);
            if (CheckpointFile.Exists(directory)) return CheckpointFile.ReadMetadata(directory).Vocabulary.Length;
            return run.HasCorpus() ? corpora.Load(run.CorpusId).Vocabulary.Count : null;
        }
        catch (CharRnnException)
        {
            return null;
        }
    }
}
