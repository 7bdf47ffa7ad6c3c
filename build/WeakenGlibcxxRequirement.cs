using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Sets VER_FLG_WEAK on one version requirement (e.g. GLIBCXX_3.4.32) in the .gnu.version_r
/// section of every libLibTorchSharp.so under a build output folder, when the system's libstdc++
/// does not provide that version. See LibTorchSharpGlibcxxFix.targets for why this is safe.
/// </summary>
public class WeakenGlibcxxRequirement : Task
{
    const ushort VerFlagWeak = 0x2;
    const uint ShtGnuVerneed = 0x6ffffffe;

    [Required] public string Directory { get; set; } = "";
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        if (!System.IO.Directory.Exists(Directory)) return true;
        if (SystemLibStdCxxHas(VersionName))
        {
            Log.LogMessage(MessageImportance.Low, $"System libstdc++ provides {VersionName}; nothing to patch.");
            return true;
        }
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "libLibTorchSharp.so", SearchOption.AllDirectories))
        {
            try
            {
                var result = Patch(file, VersionName);
                Log.LogMessage(MessageImportance.Normal, $"{file}: {result}");
            }
            catch (Exception ex)
            {
                Log.LogWarning($"Could not weaken {VersionName} in {file}: {ex.Message}");
            }
        }
        return true;
    }

    static bool SystemLibStdCxxHas(string version)
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        };
        var path = candidates.FirstOrDefault(File.Exists);
        if (path == null) return false;
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        var bytes = File.ReadAllBytes(path);
        return IndexOf(bytes, needle) >= 0;
    }

    static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }

    /// <summary>Walks ELF64 little-endian section headers to the verneed entries and flips the flag.</summary>
    static string Patch(string path, string version)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
            return "not a 64-bit little-endian ELF file; left as is";
        long shoff = BitConverter.ToInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int s = 0; s < shnum; s++)
        {
            long sh = shoff + (long)s * shentsize;
            if (BitConverter.ToUInt32(elf, (int)sh + 4) != ShtGnuVerneed) continue;
            long offset = BitConverter.ToInt64(elf, (int)sh + 0x18);
            int link = (int)BitConverter.ToUInt32(elf, (int)sh + 0x28);
            long strOffset = BitConverter.ToInt64(elf, (int)(shoff + (long)link * shentsize) + 0x18);
            return FlipInVerneed(path, elf, offset, strOffset, version);
        }
        return "no .gnu.version_r section; left as is";
    }

    static string FlipInVerneed(string path, byte[] elf, long verneed, long strtab, string version)
    {
        long entry = verneed;
        while (true)
        {
            int count = BitConverter.ToUInt16(elf, (int)entry + 2);
            long aux = entry + BitConverter.ToUInt32(elf, (int)entry + 8);
            for (int a = 0; a < count; a++)
            {
                uint nameOffset = BitConverter.ToUInt32(elf, (int)aux + 8);
                if (ReadCString(elf, strtab + nameOffset) == version)
                {
                    int flagsAt = (int)aux + 4;
                    ushort flags = BitConverter.ToUInt16(elf, flagsAt);
                    if ((flags & VerFlagWeak) != 0) return $"{version} already weak";
                    BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, flagsAt);
                    var temp = path + ".patching";
                    File.WriteAllBytes(temp, elf);
                    File.Replace(temp, path, null);
                    return $"marked {version} weak";
                }
                uint next = BitConverter.ToUInt32(elf, (int)aux + 12);
                if (next == 0) break;
                aux += next;
            }
            uint nextEntry = BitConverter.ToUInt32(elf, (int)entry + 12);
            if (nextEntry == 0) return $"{version} not required; left as is";
            entry += nextEntry;
        }
    }

    static string ReadCString(byte[] bytes, long start)
    {
        int end = (int)start;
        while (end < bytes.Length && bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, (int)start, end - (int)start);
    }
}
