package dev.shortener.admin.control;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Switches on Jakarta Security's form login with the Facelets page {@code /login}: a visitor who
 * asks for an admin page is redirected there and, once signed in, back to the page they asked for.
 * The pages themselves are protected by the security constraint in web.xml.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false))
@DeclareRoles(AdminIdentityStore.ADMIN_ROLE)
@ApplicationScoped
public class AdminSecurity {}
