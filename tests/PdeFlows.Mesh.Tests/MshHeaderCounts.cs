namespace PdeFlows.Mesh.Tests;

/// <summary>
/// Counts read straight from a .msh file's own headers and blocks, independently of the reader under
/// test: total nodes and elements announced, and elements of each type.
/// </summary>
internal sealed record MshHeaderCounts(int Nodes, int Elements, IReadOnlyDictionary<int, int> ElementsByType)
{
    public int OfType(int type) => ElementsByType.TryGetValue(type, out int n) ? n : 0;

    public static MshHeaderCounts Of(string path)
    {
        string[] lines = File.ReadAllLines(path);
        bool version41 = lines[1].StartsWith("4.1", StringComparison.Ordinal);
        int nodesAt = Array.IndexOf(lines, "$Nodes") + 1, elementsAt = Array.IndexOf(lines, "$Elements") + 1;
        int nodes = int.Parse(lines[nodesAt].Split(' ')[version41 ? 1 : 0]);
        int elements = int.Parse(lines[elementsAt].Split(' ')[version41 ? 1 : 0]);
        var byType = new Dictionary<int, int>();
        if (version41)
        {
            int i = elementsAt + 1;
            while (lines[i] != "$EndElements")
            {
                string[] block = lines[i].Split(' ');
                int type = int.Parse(block[2]), count = int.Parse(block[3]);
                byType[type] = byType.GetValueOrDefault(type) + count;
                i += count + 1;
            }
        }
        else
        {
            for (int i = elementsAt + 1; lines[i] != "$EndElements"; i++)
            {
                int type = int.Parse(lines[i].Split(' ')[1]);
                byType[type] = byType.GetValueOrDefault(type) + 1;
            }
        }

        return new MshHeaderCounts(nodes, elements, byType);
    }
}
