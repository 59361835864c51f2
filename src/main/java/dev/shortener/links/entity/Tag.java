package dev.shortener.links.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;

/** A free label of links, such as {@code spring-sale}; each name is stored once. */
@Entity
@ReadOnly
@Table(name = "tag")
public class Tag {

  @Id private Long id;

  @Column(nullable = false, unique = true)
  private String name;

  /** For JPA. */
  protected Tag() {}

  public String getName() {
    return name;
  }
}
