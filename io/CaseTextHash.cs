using System.Security.Cryptography;
using System.Text;

namespace PdeFlows.IO;

/// <summary>The hash that ties a checkpoint to the case it was computed for.</summary>
public static class CaseTextHash
{
    /// <summary>The SHA-256 of the UTF-8 bytes of <paramref name="caseText"/>, as 64 lowercase hex digits.</summary>
    public static string Compute(string caseText)
    {
        ArgumentNullException.ThrowIfNull(caseText);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caseText)));
    }
}
