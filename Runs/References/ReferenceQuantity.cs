using System.Globalization;
using PdeFlows.Runs.Running;

namespace PdeFlows.Runs.References;

/// <summary>The kinds of summary quantities a reference extrapolates (the fields of <see cref="SnapshotRow"/>).</summary>
public enum ReferenceQuantityKind
{
    /// <summary>E(u).</summary>
    Energy,

    /// <summary>∫u.</summary>
    Mass,

    /// <summary>A component of the normalized mean.</summary>
    Mean,

    /// <summary>An entry (i ≤ j) of the normalized covariance.</summary>
    Covariance,

    /// <summary>The dissipation D_h(u).</summary>
    Dissipation,

    /// <summary>The cumulative discrete EDB defect (its exact value is 0).</summary>
    EdbDefect,

    /// <summary>min_i u_i.</summary>
    MinDensity,

    /// <summary>The mass of an output region.</summary>
    Region,

    /// <summary>The density at a probe point.</summary>
    Probe,
}

/// <summary>One scalar summary quantity of a run: its name in the reference files and how to read it from a row.</summary>
/// <param name="Name">The name (<c>energy</c>, <c>mean[0]</c>, <c>covariance[0][1]</c>, <c>region.left</c>, <c>probe[2]</c>, …).</param>
/// <param name="Kind">The kind (decides the scale of its round-off floor).</param>
/// <param name="Read">Its value in a row.</param>
public sealed record ReferenceQuantity(string Name, ReferenceQuantityKind Kind, Func<SnapshotRow, double> Read)
{
    /// <summary>Every scalar quantity of rows of dimension <paramref name="dimension"/>, in file order.</summary>
    /// <param name="dimension">d.</param>
    /// <param name="regionNames">The output regions.</param>
    /// <param name="probeCount">The number of probes.</param>
    /// <returns>The quantities.</returns>
    public static IReadOnlyList<ReferenceQuantity> All(int dimension, IReadOnlyList<string> regionNames, int probeCount)
    {
        ArgumentNullException.ThrowIfNull(regionNames);
        var list = new List<ReferenceQuantity>
        {
            new("energy", ReferenceQuantityKind.Energy, r => r.Energy),
            new("mass", ReferenceQuantityKind.Mass, r => r.Mass),
        };
        for (int i = 0; i < dimension; i++)
        {
            int a = i;
            list.Add(new($"mean[{Index(a)}]", ReferenceQuantityKind.Mean, r => r.Mean[a]));
        }

        for (int i = 0; i < dimension; i++)
        {
            for (int j = i; j < dimension; j++)
            {
                (int a, int b) = (i, j);
                list.Add(new($"covariance[{Index(a)}][{Index(b)}]", ReferenceQuantityKind.Covariance, r => r.Covariance[a][b]));
            }
        }

        list.Add(new("dissipation", ReferenceQuantityKind.Dissipation, r => r.Dissipation));
        list.Add(new("edb_defect", ReferenceQuantityKind.EdbDefect, r => r.EdbDefect));
        list.Add(new("min_density", ReferenceQuantityKind.MinDensity, r => r.MinDensity));
        foreach (var (name, index) in regionNames.Select((n, k) => (n, k)))
        {
            list.Add(new($"region.{name}", ReferenceQuantityKind.Region, r => r.RegionMasses[index]));
        }

        for (int j = 0; j < probeCount; j++)
        {
            int a = j;
            list.Add(new($"probe[{Index(a)}]", ReferenceQuantityKind.Probe, r => r.ProbeValues[a]));
        }

        return list;
    }

    /// <summary>
    /// The natural size of each kind over all rows, for the round-off floor: the largest |value| of
    /// the kind; the EDB defect (a sum of energy differences) takes the energy's; the mean takes at
    /// least the largest standard deviation (a mean that is zero by symmetry is measured against the
    /// spread); regions take the mass's; probes and the minimum density share one density scale.
    /// </summary>
    /// <param name="quantities">The quantities.</param>
    /// <param name="rows">All rows of all levels.</param>
    /// <returns>The scale of each kind.</returns>
    public static IReadOnlyDictionary<ReferenceQuantityKind, double> Scales(IReadOnlyList<ReferenceQuantity> quantities, IEnumerable<SnapshotRow> rows)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentNullException.ThrowIfNull(rows);
        var largest = Enum.GetValues<ReferenceQuantityKind>().ToDictionary(k => k, _ => 0.0);
        double spread = 0;
        foreach (SnapshotRow row in rows)
        {
            foreach (ReferenceQuantity quantity in quantities)
            {
                double value = Math.Abs(quantity.Read(row));
                if (double.IsFinite(value))
                {
                    largest[quantity.Kind] = Math.Max(largest[quantity.Kind], value);
                }
            }

            for (int i = 0; i < row.Covariance.Length; i++)
            {
                spread = Math.Max(spread, Math.Sqrt(Math.Abs(row.Covariance[i][i])));
            }
        }

        double density = Math.Max(largest[ReferenceQuantityKind.Probe], largest[ReferenceQuantityKind.MinDensity]);
        double mass = Math.Max(largest[ReferenceQuantityKind.Mass], largest[ReferenceQuantityKind.Region]);
        double energy = largest[ReferenceQuantityKind.Energy];
        return new Dictionary<ReferenceQuantityKind, double>
        {
            [ReferenceQuantityKind.Energy] = energy,
            [ReferenceQuantityKind.Mass] = mass,
            [ReferenceQuantityKind.Mean] = Math.Max(largest[ReferenceQuantityKind.Mean], spread),
            [ReferenceQuantityKind.Covariance] = largest[ReferenceQuantityKind.Covariance],
            [ReferenceQuantityKind.Dissipation] = largest[ReferenceQuantityKind.Dissipation],
            [ReferenceQuantityKind.EdbDefect] = Math.Max(energy, largest[ReferenceQuantityKind.EdbDefect]),
            [ReferenceQuantityKind.MinDensity] = density,
            [ReferenceQuantityKind.Region] = mass,
            [ReferenceQuantityKind.Probe] = density,
        };
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
