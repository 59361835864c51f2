package dev.shortener.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.web.HttpFakes;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.RegistrationListener;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import org.junit.jupiter.api.Test;

class AnonymousFastPathTest {

  /** The server's side, as a server registers it: records what it was asked. */
  private final List<String> calls = new ArrayList<>();

  private final ServerAuthContext serverModule =
      new ServerAuthContext() {
        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) {
          calls.add("validate");
          return AuthStatus.SEND_CONTINUE;
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) {
          calls.add("secure");
          return AuthStatus.SEND_SUCCESS;
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) {
          calls.add("clean");
        }
      };

  private final ServerAuthConfig serverConfig =
      new ServerAuthConfig() {
        @Override
        @SuppressWarnings("rawtypes")
        public ServerAuthContext getAuthContext(String id, Subject subject, Map properties) {
          calls.add("context " + id);
          return serverModule;
        }

        @Override
        public String getMessageLayer() {
          return AnonymousFastPath.LAYER;
        }

        @Override
        public String getAppContext() {
          return "server /";
        }

        @Override
        public String getAuthContextID(MessageInfo message) {
          return "the server's id";
        }

        @Override
        public void refresh() {}

        @Override
        public boolean isProtected() {
          return true;
        }
      };

  private final AuthConfigProvider serverProvider =
      new AuthConfigProvider() {
        @Override
        public ClientAuthConfig getClientAuthConfig(
            String layer, String appContext, CallbackHandler handler) {
          return null;
        }

        @Override
        public ServerAuthConfig getServerAuthConfig(
            String layer, String appContext, CallbackHandler handler) {
          calls.add("config");
          return serverConfig;
        }

        @Override
        public void refresh() {}
      };

  private ServerAuthContext fastPath() throws Exception {
    return new AnonymousFastPath.Provider(serverProvider)
        .getServerAuthConfig(AnonymousFastPath.LAYER, "server /", null)
        .getAuthContext("any", new Subject(), Map.of());
  }

  private static MessageInfo message(HttpServletRequest request, String mandatory) {
    Map<Object, Object> map = new HashMap<>();
    if (mandatory != null) {
      map.put(AnonymousFastPath.MANDATORY, mandatory);
    }
    return new MessageInfo() {
      @Override
      public Object getRequestMessage() {
        return request;
      }

      @Override
      public Object getResponseMessage() {
        return null;
      }

      @Override
      public void setRequestMessage(Object request) {}

      @Override
      public void setResponseMessage(Object response) {}

      @Override
      @SuppressWarnings("rawtypes")
      public Map getMap() {
        return map;
      }
    };
  }

  @Test
  void anAnonymousRequestThatNeedsNoAuthenticationNeverReachesTheServersModule() throws Exception {
    ServerAuthContext module = fastPath();
    for (String mandatory : new String[] {null, "false"}) {
      MessageInfo visit = message(new HttpFakes.Request().servlet(), mandatory);
      assertEquals(AuthStatus.SUCCESS, module.validateRequest(visit, new Subject(), null));
      assertEquals(AuthStatus.SEND_SUCCESS, module.secureResponse(visit, null));
    }
    assertEquals(List.of(), calls, "not even the server's config was built");
  }

  @Test
  void aProtectedPageASignInOrTheAdminsCookieGoesToTheServersModule() throws Exception {
    ServerAuthContext module = fastPath();
    List<MessageInfo> delegated =
        List.of(
            message(new HttpFakes.Request().servlet(), "true"),
            message(new HttpFakes.Request().servlet(), "TRUE"),
            message(new HttpFakes.Request().cookie(AdminSessions.COOKIE, "token").servlet(), null),
            message(
                new HttpFakes.Request()
                    .cookie("theme", "dark")
                    .cookie(AdminSessions.COOKIE, "")
                    .servlet(),
                "false"),
            message(null, null));
    for (MessageInfo message : delegated) {
      assertEquals(AuthStatus.SEND_CONTINUE, module.validateRequest(message, new Subject(), null));
      assertEquals(AuthStatus.SEND_SUCCESS, module.secureResponse(message, null));
    }
    assertEquals("config", calls.get(0));
    assertEquals("context the server's id", calls.get(1), "under the server's own context id");
    assertEquals(
        List.of("validate", "secure"),
        calls.subList(2, calls.size()).stream().distinct().toList(),
        "the server's module was built once, then asked for each request and its response");
    assertEquals(2 + 2 * delegated.size(), calls.size());
  }

  @Test
  void signingOutAlwaysReachesTheServersModule() throws Exception {
    fastPath().cleanSubject(message(new HttpFakes.Request().servlet(), null), new Subject());
    assertEquals(List.of("config", "context the server's id", "clean"), calls);
  }

  @Test
  void onlyTheMandatoryFlagAndTheAdminCookieDecide() {
    assertTrue(AnonymousFastPath.skips(message(new HttpFakes.Request().servlet(), null)));
    assertTrue(
        AnonymousFastPath.skips(
            message(new HttpFakes.Request().cookie("other", "x").servlet(), "false")));
    assertFalse(AnonymousFastPath.skips(message(new HttpFakes.Request().servlet(), "true")));
    assertFalse(
        AnonymousFastPath.skips(
            message(new HttpFakes.Request().cookie(AdminSessions.COOKIE, "x").servlet(), null)));
  }

  @Test
  void theProviderPassesEverythingElseToTheServers() throws Exception {
    AnonymousFastPath.Provider provider = new AnonymousFastPath.Provider(serverProvider);
    assertSame(serverProvider, provider.server());
    ServerAuthConfig config = provider.getServerAuthConfig("HttpServlet", "server /", null);
    assertEquals("HttpServlet", config.getMessageLayer());
    assertEquals("server /", config.getAppContext());
    assertTrue(config.isProtected());
  }

  /** The factory a server keeps, holding what is registered under the servlet layer. */
  private static final class Factory extends AuthConfigFactory {
    final Map<String, AuthConfigProvider> byAppContext = new HashMap<>();
    final Map<String, String> registrations = new HashMap<>();

    @Override
    public AuthConfigProvider getConfigProvider(
        String layer, String appContext, RegistrationListener listener) {
      return AnonymousFastPath.LAYER.equals(layer) ? byAppContext.get(appContext) : null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public String registerConfigProvider(
        String className, Map properties, String layer, String appContext, String description) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String registerConfigProvider(
        AuthConfigProvider provider, String layer, String appContext, String description) {
      byAppContext.put(appContext, provider);
      String id = "registration " + (registrations.size() + 1);
      registrations.put(id, appContext);
      return id;
    }

    @Override
    public boolean removeRegistration(String registrationId) {
      String appContext = registrations.remove(registrationId);
      return appContext != null && byAppContext.remove(appContext) != null;
    }

    @Override
    public String[] detachListener(RegistrationListener listener, String layer, String appContext) {
      return new String[0];
    }

    @Override
    public String[] getRegistrationIDs(AuthConfigProvider provider) {
      return new String[0];
    }

    @Override
    public RegistrationContext getRegistrationContext(String registrationId) {
      return null;
    }

    @Override
    public void refresh() {}
  }

  private static ServletContextEvent started(String virtualServer, String contextPath) {
    ServletContext context =
        (ServletContext)
            Proxy.newProxyInstance(
                AnonymousFastPathTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getVirtualServerName" -> virtualServer;
                      case "getContextPath" -> contextPath;
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return new ServletContextEvent(context);
  }

  @Test
  void atStartTheServersProviderForThisApplicationIsWrappedAndAtTheEndUnwrapped() {
    Factory factory = new Factory();
    AuthConfigFactory.setFactory(factory);
    try {
      factory.registerConfigProvider(serverProvider, AnonymousFastPath.LAYER, "host /", "server");
      factory.registerConfigProvider(serverProvider, AnonymousFastPath.LAYER, "host /other", "x");
      AnonymousFastPath listener = new AnonymousFastPath();
      listener.contextInitialized(started("host", ""));
      assertSame(serverProvider, factory.byAppContext.get("host /other"), "another application");
      AuthConfigProvider wrapped = factory.byAppContext.get("host ");
      assertTrue(wrapped == null, "the application's context is the server name and its path");

      listener = new AnonymousFastPath();
      listener.contextInitialized(started("host", "/"));
      AuthConfigProvider installed = factory.byAppContext.get("host /");
      assertTrue(installed instanceof AnonymousFastPath.Provider, String.valueOf(installed));
      assertSame(serverProvider, ((AnonymousFastPath.Provider) installed).server());

      listener.contextDestroyed(started("host", "/"));
      assertFalse(factory.byAppContext.containsKey("host /"), "its own registration removed");
      assertSame(serverProvider, factory.byAppContext.get("host /other"));
    } finally {
      AuthConfigFactory.setFactory(null);
    }
  }

  @Test
  void withoutAProviderOfTheServersNothingIsRegistered() {
    Factory factory = new Factory();
    AuthConfigFactory.setFactory(factory);
    try {
      AnonymousFastPath listener = new AnonymousFastPath();
      listener.contextInitialized(started("host", "/app"));
      assertEquals(Map.of(), factory.byAppContext);
      listener.contextDestroyed(started("host", "/app"));
      assertEquals(Map.of(), factory.registrations);
    } finally {
      AuthConfigFactory.setFactory(null);
    }
  }
}
