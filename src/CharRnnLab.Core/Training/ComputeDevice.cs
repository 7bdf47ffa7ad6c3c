using TorchSharp;

namespace CharRnnLab.Core.Training;

/// <summary>Turns the user's "cpu" | "cuda" | "auto" into the device training runs on.</summary>
public static class ComputeDevice
{
    public const string Cpu = "cpu", Cuda = "cuda", Auto = "auto";

    /// <summary>"cpu" or "cuda". Throws a <see cref="CharRnnException"/> when CUDA is asked for but absent.</summary>
    public static string Resolve(string requested)
    {
        switch (requested.Trim().ToLowerInvariant())
        {
            case Cpu: return Cpu;
            case Auto: return torch.cuda.is_available() ? Cuda : Cpu;
            case Cuda:
                if (torch.cuda.is_available()) return Cuda;
                throw new CharRnnException(
                    "CUDA was requested but is not available: torch.cuda.is_available() is false (no NVIDIA GPU or driver, " +
                    "or this build uses the CPU-only libtorch; build with -p:CharRnnCuda=true for CUDA). Use --device cpu, or --device auto.");
            default:
                throw new ConfigException($"device must be cpu, cuda or auto (got '{requested}').");
        }
    }

    /// <summary>Checks the spelling only (whether CUDA is present is <see cref="Resolve"/>'s business).</summary>
    public static void Validate(string requested)
    {
        if (requested?.Trim().ToLowerInvariant() is not (Cpu or Cuda or Auto))
            throw new ConfigException($"device must be cpu, cuda or auto (got '{requested}').");
    }

    internal static torch.Device ToTorch(string resolved) => resolved == Cuda ? torch.CUDA : torch.CPU;
}
