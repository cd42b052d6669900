package org.example.notes;

import io.mcpee.api.Sensitive;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A note, in the application's own table. */
@Entity
@Table(name = "note")
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note_seq")
    @SequenceGenerator(name = "note_seq", sequenceName = "note_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false)
    private String title;

    /** Private to people and to agents granted notes:private; masked for any other agent, on either door. */
    @Sensitive(unlessRole = Roles.PRIVATE)
    private String text;

    @Column(name = "author", nullable = false)
    private String author;

    protected Note() {
    }

    Note(String title, String text, String author) {
        this.title = title;
        this.text = text;
        this.author = author;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getText() {
        return text;
    }

    public String getAuthor() {
        return author;
    }
}
