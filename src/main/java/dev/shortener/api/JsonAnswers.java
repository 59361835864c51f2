package dev.shortener.api;

import jakarta.json.JsonStructure;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Writes the resources' JSON answers as their text in UTF-8, the same on both servers, rather than
 * through each server's own JSON-P writer (Jersey's and CXF's differ, and look their factories up
 * per answer).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class JsonAnswers implements MessageBodyWriter<JsonStructure> {

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return JsonStructure.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      JsonStructure json,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException {
    out.write(json.toString().getBytes(StandardCharsets.UTF_8));
  }
}
