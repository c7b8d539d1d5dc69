package dev.hench.collector.housekeeping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Identity and version of a file: its inode (file key), size and modification time. Two equal
 * stamps taken before and after an operation mean no writer replaced or changed the file in
 * between, as far as the file system's timestamp resolution can tell.
 */
record FileStamp(Object fileKey, long sizeBytes, FileTime modified) {

    /** Returns the stamp of {@code file}, or null when the file does not exist. */
    static FileStamp of(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.size(),
                    attributes.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
