namespace PdeFlows.IO;

/// <summary>Reads checkpoints of a result directory, for resuming a run.</summary>
public static class CheckpointReader
{
    /// <summary>
    /// The newest checkpoint in <c>DIRECTORY/checkpoints/</c> that reads completely; newer ones that
    /// fail are listed in <see cref="CheckpointSearch.Skipped"/> with the reason. Temporary files
    /// (a checkpoint being written when the run died) are ignored.
    /// </summary>
    /// <param name="directory">The result directory.</param>
    public static CheckpointSearch LoadLatest(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var skipped = new List<SkippedCheckpoint>();
        var files = ResultLayout.NumberedFiles(Path.Combine(directory, ResultLayout.CheckpointsFolder), "ckpt");
        for (int i = files.Count - 1; i >= 0; i--)
        {
            try
            {
                var checkpoint = Read(files[i].Path);
                if (checkpoint.Step != files[i].Number)
                {
                    throw new ResultFormatException(files[i].Path, $"holds step {checkpoint.Step}, but its name says {files[i].Number}");
                }

                return new CheckpointSearch(checkpoint, skipped);
            }
            catch (ResultFormatException e)
            {
                skipped.Add(new SkippedCheckpoint(files[i].Path, e.Problem));
            }
        }

        return new CheckpointSearch(null, skipped);
    }

    /// <summary>Reads one checkpoint file completely.</summary>
    /// <exception cref="ResultFormatException">The file is unreadable or violates the layout (names the file and the problem).</exception>
    public static Checkpoint Read(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return CheckpointHdf.Read(file);
    }
}
