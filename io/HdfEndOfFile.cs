using System.Buffers.Binary;

namespace PdeFlows.IO;

/// <summary>
/// Detects a truncated HDF5 file from its superblock (HDF5 File Format Specification, §II.A): the
/// superblock stores the end-of-file address, the size the file had when it was written. A file
/// shorter than that lost its tail. Only a superblock at offset 0 (what PureHDF, h5py and the HDF5
/// library write without a user block) is examined; anything else is left to the HDF5 reader.
/// </summary>
internal static class HdfEndOfFile
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a];

    /// <summary>Why the file is truncated, or null when it is not (or cannot be told from its superblock).</summary>
    /// <param name="path">The file.</param>
    /// <returns>A short reason, or null.</returns>
    public static string? Truncation(string path)
    {
        Span<byte> head = stackalloc byte[64];
        long length;
        int read;
        using (var stream = File.OpenRead(path))
        {
            length = stream.Length;
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read < 16 || !head[..8].SequenceEqual(Signature))
        {
            return null;
        }

        int version = head[8];
        int offsetSize, endOfFileAt;
        switch (version)
        {
            case 0 or 1:
                // version, 4 version bytes, offset size, length size, reserved, 2 K values, flags (+ 4 in v1), base, free space, end of file.
                offsetSize = head[13];
                endOfFileAt = (version == 0 ? 24 : 28) + (2 * offsetSize);
                break;
            case 2 or 3:
                // version, offset size, length size, flags, base, extension, end of file.
                offsetSize = head[9];
                endOfFileAt = 12 + (2 * offsetSize);
                break;
            default:
                return null;
        }

        if (offsetSize is not (4 or 8) || endOfFileAt + offsetSize > read)
        {
            return null;
        }

        ulong endOfFile = offsetSize == 8
            ? BinaryPrimitives.ReadUInt64LittleEndian(head.Slice(endOfFileAt, 8))
            : BinaryPrimitives.ReadUInt32LittleEndian(head.Slice(endOfFileAt, 4));
        return endOfFile > (ulong)length
            ? $"the file has {length} bytes, but its superblock says it was written with {endOfFile} (the end of the file is missing)"
            : null;
    }
}
