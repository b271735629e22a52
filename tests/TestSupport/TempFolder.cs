namespace HealingNetwork.Testing;

/// <summary>
/// Data folders the tests and benchmarks create under the temp directory. A started system keeps
/// its store, index and keys there (1-2.5 GB after a benchmark's 100k listings), so each is deleted
/// when its owner is done: left behind, they filled the CI machine's disk.
/// </summary>
public static class TempFolder
{
    /// <summary>A new folder path (not created) under the temp directory's <paramref name="area"/>.</summary>
    public static string New(string area) => Path.Combine(Path.GetTempPath(), area, Guid.NewGuid().ToString("N"));

    /// <summary>Deletes the folder and everything in it; a folder already gone or still in use is left alone.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
