namespace PdeFlows.KernelApprox.Kernels;

/// <summary>Creates kernels from a <see cref="KernelKind"/> or a name ("gaussian", "laplace", "matern32", "matern52", "imq").</summary>
public static class KernelFactory
{
    private static readonly (string Name, KernelKind Kind)[] Names =
    [
        ("gaussian", KernelKind.Gaussian),
        ("laplace", KernelKind.Laplace),
        ("matern32", KernelKind.MaternThreeHalves),
        ("matern52", KernelKind.MaternFiveHalves),
        ("imq", KernelKind.InverseMultiquadric),
    ];

    /// <summary>The accepted kernel names, in the order of <see cref="KernelKind"/>.</summary>
    public static IReadOnlyList<string> AllowedNames { get; } = Array.AsReadOnly(Names.Select(n => n.Name).ToArray());

    /// <summary>Parses a kernel name (case-insensitive, surrounding white space ignored).</summary>
    /// <param name="name">One of <see cref="AllowedNames"/>.</param>
    /// <exception cref="ArgumentException">The name is not one of the allowed names (the message lists them).</exception>
    public static KernelKind ParseKind(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string trimmed = name.Trim();
        foreach (var (allowed, kind) in Names)
        {
            if (string.Equals(allowed, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw new ArgumentException(
            $"Unknown kernel '{name}'. Allowed names: {string.Join(", ", AllowedNames)}.", nameof(name));
    }

    /// <summary>The canonical name of a kind (the inverse of <see cref="ParseKind"/>).</summary>
    /// <param name="kind">A defined kernel kind.</param>
    public static string NameOf(KernelKind kind)
    {
        foreach (var (name, candidate) in Names)
        {
            if (candidate == kind)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined kernel kind.");
    }

    /// <summary>Creates the kernel of the given kind and bandwidth (boxed as <see cref="IKernel"/>).</summary>
    /// <param name="kind">Which kernel.</param>
    /// <param name="bandwidth">σ, finite and &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">σ is invalid or the kind is undefined.</exception>
    public static IKernel Create(KernelKind kind, double bandwidth) => kind switch
    {
        KernelKind.Gaussian => new GaussianKernel(bandwidth),
        KernelKind.Laplace => new LaplaceKernel(bandwidth),
        KernelKind.MaternThreeHalves => new MaternThreeHalvesKernel(bandwidth),
        KernelKind.MaternFiveHalves => new MaternFiveHalvesKernel(bandwidth),
        KernelKind.InverseMultiquadric => new InverseMultiquadricKernel(bandwidth),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined kernel kind."),
    };

    /// <summary>Creates a kernel from its name and bandwidth.</summary>
    /// <param name="name">One of <see cref="AllowedNames"/> (case-insensitive).</param>
    /// <param name="bandwidth">σ, finite and &gt; 0.</param>
    /// <exception cref="ArgumentException">Unknown name, or invalid bandwidth.</exception>
    public static IKernel Create(string name, double bandwidth) => Create(ParseKind(name), bandwidth);
}
