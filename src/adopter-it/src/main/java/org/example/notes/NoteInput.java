package org.example.notes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a new note needs. */
public record NoteInput(@NotBlank @Size(max = 200) @Calm String title, @Size(max = 2000) String text) {
}
