using System.Runtime.InteropServices;

namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// The SuiteSparse CHOLMOD shared library (libcholmod.so.3, 64-bit integer "cholmod_l_" interface),
/// loaded once with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>; its entry points as
/// unmanaged function pointers. Struct layouts used with it are in <see cref="CholmodStructs"/>.
/// </summary>
public sealed unsafe class CholmodLibrary
{
    private static readonly Lazy<(CholmodLibrary? Library, string Reason)> Shared = new(Load);

    private CholmodLibrary(IntPtr handle, string name)
    {
        Start = (delegate* unmanaged[Cdecl]<void*, int>)NativeLibrary.GetExport(handle, "cholmod_l_start");
        Finish = (delegate* unmanaged[Cdecl]<void*, int>)NativeLibrary.GetExport(handle, "cholmod_l_finish");
        AnalyzeFunction = (delegate* unmanaged[Cdecl]<CholmodStructs.Sparse*, void*, CholmodStructs.FactorHeader*>)NativeLibrary.GetExport(handle, "cholmod_l_analyze");
        FactorizeFunction = (delegate* unmanaged[Cdecl]<CholmodStructs.Sparse*, CholmodStructs.FactorHeader*, void*, int>)NativeLibrary.GetExport(handle, "cholmod_l_factorize");
        SolveFunction = (delegate* unmanaged[Cdecl]<int, CholmodStructs.FactorHeader*, CholmodStructs.Dense*, void*, CholmodStructs.Dense*>)NativeLibrary.GetExport(handle, "cholmod_l_solve");
        Solve2Function = (delegate* unmanaged[Cdecl]<int, CholmodStructs.FactorHeader*, CholmodStructs.Dense*, void*, CholmodStructs.Dense**, void**, CholmodStructs.Dense**, CholmodStructs.Dense**, void*, int>)NativeLibrary.GetExport(handle, "cholmod_l_solve2");
        CopyFactor = (delegate* unmanaged[Cdecl]<CholmodStructs.FactorHeader*, void*, CholmodStructs.FactorHeader*>)NativeLibrary.GetExport(handle, "cholmod_l_copy_factor");
        FreeFactor = (delegate* unmanaged[Cdecl]<CholmodStructs.FactorHeader**, void*, int>)NativeLibrary.GetExport(handle, "cholmod_l_free_factor");
        FreeDense = (delegate* unmanaged[Cdecl]<CholmodStructs.Dense**, void*, int>)NativeLibrary.GetExport(handle, "cholmod_l_free_dense");
        var versionFunction = (delegate* unmanaged[Cdecl]<int*, int>)NativeLibrary.GetExport(handle, "cholmod_l_version");
        int* version = stackalloc int[3];
        versionFunction(version);
        Version = new Version(version[0], version[1], version[2]);
        Description = $"{name} {Version}";
    }

    /// <summary>The library version reported by cholmod_l_version.</summary>
    public Version Version { get; }

    /// <summary>File name and version, for logs.</summary>
    public string Description { get; }

    internal delegate* unmanaged[Cdecl]<void*, int> Start { get; }

    internal delegate* unmanaged[Cdecl]<void*, int> Finish { get; }

    internal delegate* unmanaged[Cdecl]<CholmodStructs.Sparse*, void*, CholmodStructs.FactorHeader*> AnalyzeFunction { get; }

    internal delegate* unmanaged[Cdecl]<CholmodStructs.Sparse*, CholmodStructs.FactorHeader*, void*, int> FactorizeFunction { get; }

    internal delegate* unmanaged[Cdecl]<int, CholmodStructs.FactorHeader*, CholmodStructs.Dense*, void*, CholmodStructs.Dense*> SolveFunction { get; }

    /// <summary>cholmod_l_solve2: like solve, but reuses the solution and workspace held in its handles (no allocation after the first call).</summary>
    internal delegate* unmanaged[Cdecl]<int, CholmodStructs.FactorHeader*, CholmodStructs.Dense*, void*, CholmodStructs.Dense**, void**, CholmodStructs.Dense**, CholmodStructs.Dense**, void*, int> Solve2Function { get; }

    /// <summary>cholmod_l_copy_factor: a copy of a (symbolic) factor, so one analysis serves several numeric factorizations.</summary>
    internal delegate* unmanaged[Cdecl]<CholmodStructs.FactorHeader*, void*, CholmodStructs.FactorHeader*> CopyFactor { get; }

    internal delegate* unmanaged[Cdecl]<CholmodStructs.FactorHeader**, void*, int> FreeFactor { get; }

    internal delegate* unmanaged[Cdecl]<CholmodStructs.Dense**, void*, int> FreeDense { get; }

    /// <summary>Whether CHOLMOD loads on this machine (cached after the first call).</summary>
    public static bool IsAvailable => Shared.Value.Library is not null;

    /// <summary>Loads the library (once per process); on failure, says why.</summary>
    public static bool TryLoad(out CholmodLibrary library, out string reason)
    {
        var (loaded, why) = Shared.Value;
        library = loaded!;
        reason = why;
        return loaded is not null;
    }

    private static (CholmodLibrary?, string) Load()
    {
        string[] names = ["libcholmod.so.3", "libcholmod.so"];
        foreach (string name in names)
        {
            if (NativeLibrary.TryLoad(name, out IntPtr handle))
            {
                try
                {
                    return (new CholmodLibrary(handle, name), $"loaded {name}");
                }
                catch (EntryPointNotFoundException e)
                {
                    return (null, $"{name} lacks an entry point: {e.Message}");
                }
            }
        }

        return (null, "libcholmod.so.3 not found by the dynamic loader");
    }
}
