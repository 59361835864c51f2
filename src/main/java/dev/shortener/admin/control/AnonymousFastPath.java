package dev.shortener.admin.control;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Map;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * Lets requests that need no authentication skip the admin's login mechanism: redirects, the home
 * page, assets and the API never meet the admin's sign-in, yet both servers call the application's
 * Jakarta Authentication module for every request once Jakarta Security is in the WAR (Payara's
 * Soteria bridge looks the CDI bean manager up in JNDI twice per request; TomEE builds a new module
 * per request), about a fifth of a REST call's CPU in a profile.
 *
 * <p>At start it wraps the authentication provider that the server registered for this application
 * (through the standard {@link AuthConfigFactory}) in one whose module answers "nothing to do" at
 * once when all of these hold, and otherwise hands the request to the server's own module exactly
 * as before:
 *
 * <ul>
 *   <li>the server does not require authentication for it (the message's {@code isMandatory} is not
 *       {@code true}: every page under a security constraint, and every programmatic sign-in, which
 *       is how {@code /login} hands over a password, is mandatory);
 *   <li>it carries no admin session cookie ({@value AdminSessions#COOKIE}), so there is no caller
 *       to restore.
 * </ul>
 *
 * <p>Such a request would have been answered "nothing to do" by {@link AdminLoginMechanism} as well
 * (no credential, no session, not protected), so what any request is allowed to see does not
 * change: the constraint of web.xml is still enforced by the server, which decides what is
 * mandatory before any module runs.
 */
@WebListener
public class AnonymousFastPath implements ServletContextListener {

  static final String LAYER = "HttpServlet";
  static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

  /** Where a delegated request keeps the server's module, for its response and its logout. */
  private static final String DELEGATE = AnonymousFastPath.class.getName() + ".delegate";

  /** What the log says once the server's provider is wrapped. */
  public static final String STARTED =
      "Requests that need no authentication skip the admin's login mechanism";

  private static final Logger LOG = Logger.getLogger(AnonymousFastPath.class.getName());

  private String registration;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    String appContext = context.getVirtualServerName() + " " + context.getContextPath();
    AuthConfigFactory factory = AuthConfigFactory.getFactory();
    AuthConfigProvider server =
        factory == null ? null : factory.getConfigProvider(LAYER, appContext, null);
    if (server == null) {
      LOG.warning(
          "No Jakarta Authentication provider registered for "
              + appContext
              + ": every request goes through the server's security as it is");
      return;
    }
    registration =
        factory.registerConfigProvider(
            new Provider(server),
            LAYER,
            appContext,
            "The server's provider, skipped for requests that need no authentication");
    LOG.info(STARTED);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (registration != null) {
      AuthConfigFactory.getFactory().removeRegistration(registration);
    }
  }

  /**
   * True if a request needs nothing of the login mechanism: see the class comment for why this is
   * safe.
   */
  static boolean skips(MessageInfo message) {
    Object mandatory = message.getMap().get(MANDATORY);
    if (mandatory != null && Boolean.parseBoolean(mandatory.toString())) {
      return false;
    }
    return message.getRequestMessage() instanceof HttpServletRequest request
        && !hasAdminCookie(request);
  }

  private static boolean hasAdminCookie(HttpServletRequest request) {
    // Any cookie header naming it, however malformed, goes the server's way; HTTP/2 clients may
    // send several.
    Enumeration<String> headers = request.getHeaders("Cookie");
    while (headers != null && headers.hasMoreElements()) {
      if (headers.nextElement().contains(AdminSessions.COOKIE)) {
        return true;
      }
    }
    return false;
  }

  /** The server's provider, with {@link Config} in front of its server side. */
  record Provider(AuthConfigProvider server) implements AuthConfigProvider {

    @Override
    public ServerAuthConfig getServerAuthConfig(
        String layer, String appContext, CallbackHandler handler) {
      return new Config(server, layer, appContext, handler);
    }

    @Override
    public ClientAuthConfig getClientAuthConfig(
        String layer, String appContext, CallbackHandler handler) throws AuthException {
      return server.getClientAuthConfig(layer, appContext, handler);
    }

    @Override
    public void refresh() {
      server.refresh();
    }
  }

  /**
   * A server auth config that asks the server's provider for its own only when a request needs it:
   * TomEE asks for a config per request, and building the server's is part of the cost.
   */
  static final class Config implements ServerAuthConfig {
    private final AuthConfigProvider server;
    private final String layer;
    private final String appContext;
    private final CallbackHandler handler;
    private volatile ServerAuthConfig delegate;

    Config(AuthConfigProvider server, String layer, String appContext, CallbackHandler handler) {
      this.server = server;
      this.layer = layer;
      this.appContext = appContext;
      this.handler = handler;
    }

    ServerAuthConfig delegate() throws AuthException {
      ServerAuthConfig config = delegate;
      if (config == null) {
        config = server.getServerAuthConfig(layer, appContext, handler);
        delegate = config;
      }
      return config;
    }

    @Override
    @SuppressWarnings("rawtypes") // as Jakarta Authentication 2.0 declares it
    public ServerAuthContext getAuthContext(
        String authContextId, Subject serviceSubject, Map properties) {
      // The id is the one getAuthContextID gave; the server's own is asked for with the message.
      return new Context(this, serviceSubject, properties);
    }

    @Override
    public String getMessageLayer() {
      return layer;
    }

    @Override
    public String getAppContext() {
      return appContext;
    }

    @Override
    public String getAuthContextID(MessageInfo message) {
      // The servlet profile has one context per application; the servers pass this back unread.
      return appContext;
    }

    @Override
    public void refresh() {
      ServerAuthConfig config = delegate;
      if (config != null) {
        config.refresh();
      }
    }

    @Override
    public boolean isProtected() {
      return true;
    }
  }

  /** The module the server calls: "nothing to do" at once, or the server's own. */
  static final class Context implements ServerAuthContext {
    private final Config config;
    private final Subject serviceSubject;

    @SuppressWarnings("rawtypes")
    private final Map properties;

    private volatile ServerAuthContext delegate;

    @SuppressWarnings("rawtypes")
    Context(Config config, Subject serviceSubject, Map properties) {
      this.config = config;
      this.serviceSubject = serviceSubject;
      this.properties = properties;
    }

    /** The server's module, under the id the server's own config gives {@code message}. */
    private ServerAuthContext delegate(MessageInfo message) throws AuthException {
      ServerAuthContext context = delegate;
      if (context == null) {
        ServerAuthConfig server = config.delegate();
        context =
            server.getAuthContext(server.getAuthContextID(message), serviceSubject, properties);
        delegate = context;
      }
      return context;
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service)
        throws AuthException {
      if (skips(message)) {
        return AuthStatus.SUCCESS;
      }
      ServerAuthContext server = delegate(message);
      @SuppressWarnings("unchecked")
      Map<String, Object> notes = message.getMap();
      notes.put(DELEGATE, server);
      return server.validateRequest(message, client, service);
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
      Object server = message.getMap().get(DELEGATE);
      return server instanceof ServerAuthContext module
          ? module.secureResponse(message, service)
          : AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
      delegate(message).cleanSubject(message, subject);
    }
  }
}
