package dev.shortener.links.control;

import java.util.List;

/**
 * What someone asks a link to be, as typed: every field text (or a list, or a switch) exactly as a
 * form or a program sent it, for {@link LinkRules} to check and convert. A field left null is not
 * given: a new link takes its default, an edited one keeps its value. An empty text clears an
 * optional field (alias, title, dates, max visits, fallback); the password is only ever set, or
 * removed with {@link #setRemovePassword}.
 *
 * <p>A bean with setters, so that the admin's Faces forms bind to it directly.
 */
public class LinkForm {

  private String url;
  private String alias;
  private String title;
  private List<String> tags;
  private String validFrom;
  private String validUntil;
  private String maxVisits;
  private String fallbackUrl;
  private String password;
  private boolean removePassword;
  private String redirectType;
  private Boolean forwardQuery;
  private Boolean crawlable;
  private Boolean disabled;

  /** A form that asks for a link to {@code url} and nothing else. */
  public static LinkForm of(String url) {
    LinkForm form = new LinkForm();
    form.setUrl(url);
    return form;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getAlias() {
    return alias;
  }

  public void setAlias(String alias) {
    this.alias = alias;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public String getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(String validFrom) {
    this.validFrom = validFrom;
  }

  public String getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(String validUntil) {
    this.validUntil = validUntil;
  }

  public String getMaxVisits() {
    return maxVisits;
  }

  public void setMaxVisits(String maxVisits) {
    this.maxVisits = maxVisits;
  }

  public String getFallbackUrl() {
    return fallbackUrl;
  }

  public void setFallbackUrl(String fallbackUrl) {
    this.fallbackUrl = fallbackUrl;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isRemovePassword() {
    return removePassword;
  }

  public void setRemovePassword(boolean removePassword) {
    this.removePassword = removePassword;
  }

  public String getRedirectType() {
    return redirectType;
  }

  public void setRedirectType(String redirectType) {
    this.redirectType = redirectType;
  }

  public Boolean getForwardQuery() {
    return forwardQuery;
  }

  public void setForwardQuery(Boolean forwardQuery) {
    this.forwardQuery = forwardQuery;
  }

  public Boolean getCrawlable() {
    return crawlable;
  }

  public void setCrawlable(Boolean crawlable) {
    this.crawlable = crawlable;
  }

  public Boolean getDisabled() {
    return disabled;
  }

  public void setDisabled(Boolean disabled) {
    this.disabled = disabled;
  }
}
