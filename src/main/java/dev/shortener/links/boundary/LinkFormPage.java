package dev.shortener.links.boundary;

import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.LinkForm;
import dev.shortener.web.AdminTimes;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What the admin's two forms of a link share, the new-link page and a link's page: the {@link
 * LinkForm} their fields bind to, tags typed as one comma-separated line, and the service's
 * refusals shown next to their fields (client ids {@code link:<field>}).
 */
abstract class LinkFormPage {

  /** The id of the Faces form, the prefix of every field's client id. */
  static final String FORM = "link";

  final AdminTimes times = new AdminTimes(LinkService.zone());

  LinkForm form = new LinkForm();
  private String tags = "";

  /** The form's fields as typed, with the tags split up, for the service. */
  LinkForm typed() {
    form.setTags(
        tags.isBlank()
            ? List.of()
            : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
    return form;
  }

  /** The fields the form shows messages next to; a refusal of any other is shown at the top. */
  private static final Set<String> FIELDS =
      Set.of(
          "url",
          "alias",
          "title",
          "tags",
          "validFrom",
          "validUntil",
          "maxVisits",
          "fallbackUrl",
          "password",
          "redirectType");

  /** Shows each refusal next to its field. */
  static void show(InvalidLinkException refused) {
    FacesContext faces = FacesContext.getCurrentInstance();
    refused
        .fields()
        .forEach(
            (field, message) ->
                faces.addMessage(
                    FIELDS.contains(field) ? FORM + ":" + field : null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null)));
  }

  /** Whether the field {@code name} was refused, for its styling and ARIA. */
  public boolean refused(String name) {
    return !FacesContext.getCurrentInstance().getMessageList(FORM + ":" + name).isEmpty();
  }

  public LinkForm getForm() {
    return form;
  }

  public String getTags() {
    return tags;
  }

  public void setTags(String tags) {
    this.tags = tags == null ? "" : tags;
  }

  /** The zone dates are entered in. */
  public String getZone() {
    return times.zoneName();
  }
}
