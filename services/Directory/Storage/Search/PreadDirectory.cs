using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// An <see cref="FSDirectory"/> that reads with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>,
/// pread on Linux) on one shared handle per file. Lucene.NET's NIOFSDirectory reads through a
/// FileStream under a lock per file (seek, then read, then its own 4 KB buffer): with 64 searches
/// in flight every hit's listing read queued on that lock. Positional reads need neither.
/// Writing is FSDirectory's own.
/// </summary>
internal sealed class PreadDirectory(string path) : FSDirectory(new DirectoryInfo(path), null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new PreadIndexInput($"PreadIndexInput(path=\"{file}\")", handle, 0, RandomAccess.GetLength(handle), context, ownsHandle: true);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        return new Slicer(file, File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), context);
    }

    /// <summary>Slices of a compound file, sharing its handle; the slicer owns and closes it.</summary>
    private sealed class Slicer(string file, SafeFileHandle handle, IOContext context) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PreadIndexInput($"PreadIndexInput({sliceDescription} in path=\"{file}\" slice={offset}:{offset + length})", handle, offset, length, context, ownsHandle: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing) handle.Dispose();
        }
    }

    private sealed class PreadIndexInput(string description, SafeFileHandle handle, long offset, long length, IOContext context, bool ownsHandle)
        : BufferedIndexInput(description, context)
    {
        private bool _isClone;

        public override long Length => length;

        protected override void ReadInternal(byte[] b, int destination, int count)
        {
            var position = Position;
            if (position + count > length) throw new EndOfStreamException($"read past EOF: {this}");
            var at = offset + position;
            while (count > 0)
            {
                var read = RandomAccess.Read(handle, b.AsSpan(destination, count), at);
                if (read <= 0) throw new EndOfStreamException($"read past EOF: {this} at {at}");
                at += read;
                destination += read;
                count -= read;
            }
        }

        protected override void SeekInternal(long pos)
        {
            // Positional reads: nothing to move.
        }

        public override object Clone()
        {
            var clone = (PreadIndexInput)base.Clone();
            clone._isClone = true;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsHandle && !_isClone) handle.Dispose();
        }
    }
}
