using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Training;
using static CharRnnLab.Core.Tests.Fixtures.TrainingFixtures;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>Dropout draws from torch's process-wide RNG, so these runs must not share the process with other training.</summary>
[CollectionDefinition(nameof(ExclusiveTorchRng), DisableParallelization = true)]
public sealed class ExclusiveTorchRng;
