using System.Text.RegularExpressions;

namespace PdeFlows.IO;

/// <summary>
/// Rules for the names the io layer stores as HDF5 link names. Field names also appear inside XDMF
/// data paths (<c>file.h5:/path</c>, split at the colon by meshio), so they are restricted to
/// letters, digits and <c>_ . + -</c>; other names (series quantities, checkpoint arrays, mesh
/// groups) may hold anything except a slash, a control character, or the names "." and "..".
/// </summary>
public static partial class ResultNames
{
    /// <summary>Throws unless <paramref name="name"/> is a valid field name.</summary>
    /// <exception cref="ArgumentException">The name is empty or holds a character outside <c>[A-Za-z0-9_.+-]</c>.</exception>
    public static void CheckFieldName(string name)
    {
        CheckLinkName(name);
        if (!FieldNamePattern().IsMatch(name))
        {
            throw new ArgumentException($"field name '{name}' may hold only letters, digits and _ . + -", nameof(name));
        }
    }

    /// <summary>Throws unless <paramref name="name"/> is a valid HDF5 link name.</summary>
    /// <exception cref="ArgumentException">The name is empty, ".", "..", or holds '/' or a control character.</exception>
    public static void CheckLinkName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name == "." || name == ".." || name.Contains('/') || name.Any(char.IsControl))
        {
            throw new ArgumentException($"name '{name}' is not allowed: it must be non-empty, not '.' or '..', without '/' or control characters", nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.+-]+$")]
    private static partial Regex FieldNamePattern();
}
